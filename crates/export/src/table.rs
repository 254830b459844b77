//! Tables in and out of files, for the product import and export: CSV (comma, semicolon or
//! tab, as Excel writes it in an Indonesian locale) and XLSX/XLS/ODS read with calamine;
//! XLSX written with rust_xlsxwriter. The import template is an XLSX with the columns and an
//! instructions sheet.

use rust_xlsxwriter::{Format, Workbook};
use std::io::Cursor;
use std::path::Path;
use usahaku_core::Lang;
use usahaku_core::catalog_import::{COLUMN_HELP, COLUMNS};

/// Why a file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// Not a CSV or spreadsheet file.
    #[error("unsupported file type {0}")]
    Unsupported(String),
    /// The file could not be read as its type says.
    #[error("unreadable: {0}")]
    Unreadable(String),
    /// Writing failed.
    #[error("write failed: {0}")]
    Write(String),
}

impl TableError {
    /// A message for the user.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TableError::Unsupported(n), Lang::Id) => {
                format!("Berkas \"{n}\" tidak bisa dibaca. Pakai berkas Excel (.xlsx) atau CSV.")
            }
            (TableError::Unsupported(n), Lang::En) => {
                format!("File \"{n}\" cannot be read. Use an Excel (.xlsx) or CSV file.")
            }
            (TableError::Unreadable(e), Lang::Id) => {
                format!("Isi berkas tidak bisa dibaca ({e}). Simpan ulang dari Excel lalu coba lagi.")
            }
            (TableError::Unreadable(e), Lang::En) => {
                format!("The file's content cannot be read ({e}). Save it again from Excel and retry.")
            }
            (TableError::Write(e), Lang::Id) => format!("Berkas tidak bisa ditulis ({e})."),
            (TableError::Write(e), Lang::En) => format!("The file could not be written ({e})."),
        }
    }
}

fn extension(name: &str) -> String {
    Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

/// Reads the first sheet of a spreadsheet, or a CSV file, into rows of text cells.
pub fn read_table(file_name: &str, bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    match extension(file_name).as_str() {
        "csv" | "txt" => read_csv(bytes),
        "xlsx" | "xlsm" | "xls" | "ods" => read_sheet(bytes),
        _ => Err(TableError::Unsupported(file_name.to_owned())),
    }
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let count = |d: u8| first_line.iter().filter(|b| **b == d).count();
    let delimiter = [b';', b'\t', b','].into_iter().max_by_key(|d| count(*d)).unwrap_or(b',');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(bytes);
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| TableError::Unreadable(e.to_string()))?;
        out.push(record.iter().map(str::to_owned).collect());
    }
    Ok(out)
}

/// A number as a spreadsheet shows it: whole numbers without decimals, fractions with a
/// decimal comma (the way the import parses amounts and quantities).
fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{v:.0}") } else { format!("{v}").replace('.', ",") }
}

/// An Excel serial day number as `YYYY-MM-DD`.
fn excel_date(serial: f64) -> String {
    let days = serial.floor() as i64;
    let base = jiff::civil::date(1899, 12, 30);
    match base.checked_add(jiff::Span::new().days(days)) {
        Ok(d) => d.to_string(),
        Err(_) => number_text(serial),
    }
}

fn read_sheet(bytes: &[u8]) -> Result<Vec<Vec<String>>, TableError> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| TableError::Unreadable(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| TableError::Unreadable("no sheet".into()))?
        .map_err(|e| TableError::Unreadable(e.to_string()))?;
    // Rows are numbered from the sheet's first row, so row numbers match what Excel shows.
    let skip = range.start().map_or(0, |(r, _)| r as usize);
    let lead = range.start().map_or(0, |(_, c)| c as usize);
    let mut out: Vec<Vec<String>> = vec![Vec::new(); skip];
    for row in range.rows() {
        let mut cells = vec![String::new(); lead];
        cells.extend(row.iter().map(|c| match c {
            Data::Empty => String::new(),
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
            Data::Int(i) => i.to_string(),
            Data::Float(f) => number_text(*f),
            Data::Bool(b) => if *b { "ya" } else { "tidak" }.into(),
            Data::DateTime(d) => excel_date(d.as_f64()),
            Data::Error(e) => format!("#{e}"),
        }));
        out.push(cells);
    }
    Ok(out)
}

/// Writes rows to an XLSX file: the first row bold as headers, every cell as text (so SKUs
/// and barcodes keep their leading zeros), columns sized to fit.
pub fn write_xlsx(table: &[Vec<String>], sheet: &str, path: &Path) -> Result<(), TableError> {
    let mut book = Workbook::new();
    add_sheet(&mut book, table, sheet)?;
    book.save(path).map_err(|e| TableError::Write(e.to_string()))
}

fn add_sheet(book: &mut Workbook, table: &[Vec<String>], name: &str) -> Result<(), TableError> {
    let w = |e: rust_xlsxwriter::XlsxError| TableError::Write(e.to_string());
    let ws = book.add_worksheet();
    ws.set_name(name).map_err(w)?;
    let bold = Format::new().set_bold().set_background_color("#E8F0EA");
    let text = Format::new().set_num_format("@");
    let mut widths: Vec<usize> = Vec::new();
    for (r, row) in table.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r32, c16) = (
                u32::try_from(r).map_err(|e| TableError::Write(e.to_string()))?,
                u16::try_from(c).map_err(|e| TableError::Write(e.to_string()))?,
            );
            if r == 0 {
                ws.write_string_with_format(r32, c16, cell, &bold).map_err(w)?;
            } else {
                ws.write_string_with_format(r32, c16, cell, &text).map_err(w)?;
            }
            if widths.len() <= c {
                widths.resize(c + 1, 8);
            }
            widths[c] = widths[c].max(cell.chars().count().min(60));
        }
    }
    for (c, width) in widths.iter().enumerate() {
        let c16 = u16::try_from(c).map_err(|e| TableError::Write(e.to_string()))?;
        ws.set_column_width(c16, (*width as f64) + 2.0).map_err(w)?;
    }
    ws.set_freeze_panes(1, 0).map_err(w)?;
    Ok(())
}

/// Writes rows to a CSV file (comma-separated, UTF-8 with a byte-order mark so Excel reads
/// the accents right).
pub fn write_csv(table: &[Vec<String>], path: &Path) -> Result<(), TableError> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut bytes);
        for row in table {
            writer.write_record(row).map_err(|e| TableError::Write(e.to_string()))?;
        }
        writer.flush().map_err(|e| TableError::Write(e.to_string()))?;
    }
    std::fs::write(path, bytes).map_err(|e| TableError::Write(e.to_string()))
}

/// The product import template: headers, two example rows, and a sheet explaining each column.
pub fn write_template(path: &Path, lang: Lang) -> Result<(), TableError> {
    let header: Vec<String> = COLUMNS.iter().map(|(_, id, en)| lang.pick(id, en).to_owned()).collect();
    let example = |values: &[(&str, &str)]| -> Vec<String> {
        COLUMNS
            .iter()
            .map(|(k, _, _)| values.iter().find(|(vk, _)| vk == k).map_or("", |(_, v)| v).to_owned())
            .collect()
    };
    let table = vec![
        header,
        example(&[
            ("name", "Kopi Bubuk Robusta 250 g"),
            ("sku", "KOPI-250"),
            ("barcode", "4006381333931"),
            ("category", "Minuman"),
            ("unit", "pack"),
            ("price", "15000"),
            ("tiers", "12=13500; 48=12750"),
            ("cost", "10000"),
            ("opening", "24"),
            ("min_stock", "6"),
            ("tracked", "ya"),
            ("halal_no", "ID35110000123450920"),
            ("bpom_no", "P-IRT 2063509010123-27"),
            ("expiry", "30/06/2027"),
        ]),
        example(&[
            ("name", "Jasa Bungkus Kado"),
            ("category", "Jasa"),
            ("unit", "pcs"),
            ("price", "5000"),
            ("tracked", "tidak"),
        ]),
    ];
    let help: Vec<Vec<String>> = std::iter::once(vec![
        lang.pick("Kolom", "Column").to_owned(),
        lang.pick("Cara mengisi", "How to fill it in").to_owned(),
    ])
    .chain(COLUMNS.iter().map(|(k, id, en)| {
        vec![
            lang.pick(id, en).to_owned(),
            COLUMN_HELP.iter().find(|(hk, _)| hk == k).map_or("", |(_, h)| h).to_owned(),
        ]
    }))
    .collect();
    let mut book = Workbook::new();
    add_sheet(&mut book, &table, lang.pick("Produk", "Products"))?;
    add_sheet(&mut book, &help, lang.pick("Petunjuk", "Instructions"))?;
    book.save(path).map_err(|e| TableError::Write(e.to_string()))
}
