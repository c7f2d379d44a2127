-- Bilagor: files attached to a care request. Content is base64 text, so one column
-- type serves both engines and the logical backup.
CREATE TABLE attachments (
    id {{ID}},
    request_id BIGINT NOT NULL REFERENCES care_requests(id),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    content TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX attachments_request ON attachments(request_id);
