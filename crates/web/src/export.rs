//! Spreadsheet exports: a CSV table as an XLSX workbook, with numbers as numbers and
//! codes (kommunkod, KVÅ, personnummer) kept as text.

use rust_xlsxwriter::{Format, Workbook};

/// Columns whose values look like numbers but are codes.
const CODE_COLUMNS: [&str; 4] = ["kommunkod", "kva_kod", "personnummer", "basar"];

/// One sheet named `sheet` holding the CSV, its first row as a bold header.
pub fn csv_to_xlsx(sheet: &str, csv_text: &str) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    let ws = workbook.add_worksheet();
    ws.set_name(sheet).map_err(|e| e.to_string())?;
    let bold = Format::new().set_bold();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let mut header: Vec<String> = Vec::new();
    for (r, record) in rdr.records().enumerate() {
        let record = record.map_err(|e| e.to_string())?;
        let row = u32::try_from(r).map_err(|e| e.to_string())?;
        for (c, value) in record.iter().enumerate() {
            let col = u16::try_from(c).map_err(|e| e.to_string())?;
            if r == 0 {
                header.push(value.to_owned());
                ws.write_string_with_format(row, col, value, &bold)
                    .map_err(|e| e.to_string())?;
                continue;
            }
            let is_code = header
                .get(c)
                .is_some_and(|h| CODE_COLUMNS.contains(&h.as_str()));
            match value.parse::<f64>() {
                Ok(n) if !is_code => ws.write_number(row, col, n).map(|_| ()),
                _ => ws.write_string(row, col, value).map(|_| ()),
            }
            .map_err(|e| e.to_string())?;
        }
    }
    ws.autofit();
    workbook.save_to_buffer().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_csv_table_becomes_a_zip_workbook() {
        let bytes = super::csv_to_xlsx(
            "Tabell 1",
            "kommunkod,kommun,totalt\n18,Örebro län,16572\n1880,Örebro,<5\n",
        )
        .unwrap();
        assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");
        assert!(bytes.len() > 1000);
    }
}
