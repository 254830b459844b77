//! A [`Document`] as an XLSX workbook: one sheet, the business header and title on top,
//! amounts as numbers with a thousands format so they can be added up in a spreadsheet.
//! (Rupiah amounts are whole numbers far below 2^53, so a spreadsheet number holds them
//! exactly.)

use crate::{Block, Cell, Document};
use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};

/// Characters Excel refuses in a sheet name.
fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    if clean.is_empty() { "Laporan".to_owned() } else { clean }
}

/// The document as XLSX bytes.
pub fn to_xlsx(doc: &Document) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(sheet_name(&doc.sheet))?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let money = Format::new().set_num_format("#,##0;(#,##0)");
    let money_total =
        Format::new().set_num_format("#,##0;(#,##0)").set_bold().set_border_top(FormatBorder::Thin);
    let head = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
    let head_right = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin)
        .set_align(rust_xlsxwriter::FormatAlign::Right);
    sheet.set_column_width(0, 48)?;
    for col in 1..=3 {
        sheet.set_column_width(col, 18)?;
    }

    let mut r: u32 = 0;
    sheet.write_with_format(r, 0, &doc.business, &title)?;
    r += 1;
    for line in &doc.header_lines {
        sheet.write(r, 0, line)?;
        r += 1;
    }
    r += 1;
    sheet.write_with_format(r, 0, &doc.title, &bold)?;
    r += 1;
    sheet.write(r, 0, &doc.period)?;
    r += 2;

    for block in &doc.blocks {
        match block {
            Block::Heading(h) => {
                sheet.write_with_format(r, 0, h, &bold)?;
                r += 1;
            }
            Block::Paragraph(p) => {
                sheet.write(r, 0, p)?;
                r += 1;
            }
            Block::Table { columns, rows } => {
                for (c, name) in columns.iter().enumerate() {
                    let f = if c == 0 { &head } else { &head_right };
                    sheet.write_with_format(r, c as u16, name, f)?;
                }
                r += 1;
                for row in rows {
                    for (c, cell) in row.cells.iter().enumerate() {
                        let c = c as u16;
                        match cell {
                            Cell::Text(t) if row.total => {
                                sheet.write_with_format(r, c, t, &bold)?;
                            }
                            Cell::Text(t) => {
                                sheet.write(r, c, t)?;
                            }
                            Cell::Money(m) => {
                                let f = if row.total { &money_total } else { &money };
                                sheet.write_with_format(r, c, m.rupiah() as f64, f)?;
                            }
                            Cell::Empty => {}
                        }
                    }
                    r += 1;
                }
                r += 1;
            }
        }
    }
    workbook.save_to_buffer()
}
