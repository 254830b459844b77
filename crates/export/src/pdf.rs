//! A [`Document`] as an A4 PDF with the standard Helvetica fonts (nothing embedded): the
//! business header on the first page, the title and period, then headings, wrapped
//! paragraphs and tables whose amounts are right-aligned; a table header repeats on each new
//! page, and every page has "Halaman i dari n".

use crate::metrics::{HELVETICA_BOLD_W, HELVETICA_W};
use crate::{Block, Cell, Document, Row};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use usahaku_core::Lang;

const PAGE_W: f32 = 595.276; // A4, points
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 50.0;
const LEFT: f32 = MARGIN;
const RIGHT: f32 = PAGE_W - MARGIN;
const BOTTOM: f32 = MARGIN + 24.0;
const ROW_H: f32 = 15.0;
const BODY: f32 = 9.5;
const AMOUNT_COL: f32 = 92.0;

#[derive(Clone, Copy)]
enum Font {
    Regular,
    Bold,
}

impl Font {
    fn name(self) -> Name<'static> {
        match self {
            Font::Regular => Name(b"F1"),
            Font::Bold => Name(b"F2"),
        }
    }

    fn widths(self) -> &'static [u16; 224] {
        match self {
            Font::Regular => &HELVETICA_W,
            Font::Bold => &HELVETICA_BOLD_W,
        }
    }
}

/// Text as WinAnsi (cp1252) bytes: Latin-1 one to one, a few typographic marks, `?` else.
fn winansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{A0}'..='\u{FF}' => c as u32 as u8,
            '€' => 0x80,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            _ => b'?',
        })
        .collect()
}

fn width(font: Font, size: f32, s: &str) -> f32 {
    let w = font.widths();
    let units: u32 =
        winansi(s).iter().map(|&b| if b >= 32 { u32::from(w[usize::from(b - 32)]) } else { 0 }).sum();
    units as f32 * size / 1000.0
}

/// `s` shortened with "…" to fit `max` points.
fn fit(font: Font, size: f32, s: &str, max: f32) -> String {
    if width(font, size, s) <= max {
        return s.to_owned();
    }
    let mut chars: Vec<char> = s.chars().collect();
    while chars.pop().is_some() {
        let candidate: String = chars.iter().collect::<String>() + "…";
        if width(font, size, &candidate) <= max {
            return candidate;
        }
    }
    String::new()
}

/// Words of `s` in lines no wider than `max`.
fn wrap(font: Font, size: f32, s: &str, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in s.split_whitespace() {
        let candidate = if current.is_empty() { word.to_owned() } else { format!("{current} {word}") };
        if width(font, size, &candidate) <= max || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

struct Pages {
    pages: Vec<Content>,
    y: f32,
}

impl Pages {
    fn new() -> Self {
        Pages { pages: vec![Content::new()], y: PAGE_H - MARGIN }
    }

    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = PAGE_H - MARGIN;
    }

    /// Starts a new page unless `needed` points still fit; returns whether it did.
    fn ensure(&mut self, needed: f32) -> bool {
        if self.y - needed < BOTTOM {
            self.new_page();
            return true;
        }
        false
    }

    fn text(&mut self, x: f32, y: f32, font: Font, size: f32, s: &str) {
        let bytes = winansi(s);
        let c = self.page();
        c.begin_text();
        c.set_font(font.name(), size);
        c.next_line(x, y);
        c.show(Str(&bytes));
        c.end_text();
    }

    fn text_right(&mut self, right: f32, y: f32, font: Font, size: f32, s: &str) {
        let w = width(font, size, s);
        self.text(right - w, y, font, size, s);
    }

    fn rule(&mut self, y: f32, from: f32, to: f32, line_width: f32) {
        let c = self.page();
        c.set_line_width(line_width);
        c.move_to(from, y);
        c.line_to(to, y);
        c.stroke();
    }

    fn table_header(&mut self, columns: &[String]) {
        let y = self.y;
        let n = columns.len();
        for (i, title) in columns.iter().enumerate() {
            if i == 0 {
                self.text(LEFT, y, Font::Bold, BODY, title);
            } else {
                let right = RIGHT - (n - 1 - i) as f32 * AMOUNT_COL;
                self.text_right(right, y, Font::Bold, BODY, title);
            }
        }
        self.rule(y - 4.0, LEFT, RIGHT, 0.75);
        self.y -= ROW_H + 1.0;
    }

    fn row(&mut self, columns: &[String], row: &Row) {
        // A group heading (text only) keeps with the line after it.
        let heading = !row.total && row.cells.iter().skip(1).all(|c| *c == Cell::Empty);
        if self.ensure(if heading { ROW_H * 2.0 } else { ROW_H }) {
            self.table_header(columns);
        }
        let n = columns.len().max(row.cells.len());
        let font = if row.total { Font::Bold } else { Font::Regular };
        let y = self.y;
        if row.total {
            self.rule(y + ROW_H - 4.0, RIGHT - (n - 1) as f32 * AMOUNT_COL + 8.0, RIGHT, 0.5);
        }
        let label_max = RIGHT - LEFT - (n - 1) as f32 * AMOUNT_COL - 8.0;
        for (i, cell) in row.cells.iter().enumerate() {
            let right = RIGHT - (n - 1 - i) as f32 * AMOUNT_COL;
            match cell {
                Cell::Text(t) if i == 0 => {
                    let indent = if !row.total
                        && row.cells.len() > 1
                        && row.cells[1..].iter().any(|c| *c != Cell::Empty)
                    {
                        10.0
                    } else {
                        0.0
                    };
                    let heading = row.cells[1..].iter().all(|c| *c == Cell::Empty);
                    let f = if heading { Font::Bold } else { font };
                    let label = fit(f, BODY, t, label_max - indent);
                    self.text(LEFT + indent, y, f, BODY, &label);
                }
                Cell::Text(t) => {
                    let label = fit(font, BODY, t, AMOUNT_COL - 6.0);
                    self.text_right(right, y, font, BODY, &label);
                }
                Cell::Money(m) => self.text_right(right, y, font, BODY, &crate::statement_amount(*m)),
                Cell::Empty => {}
            }
        }
        self.y -= ROW_H;
    }
}

/// The document as PDF bytes; "Halaman"/"Page" in `lang`.
pub fn to_pdf(doc: &Document, lang: Lang) -> Vec<u8> {
    let mut p = Pages::new();
    let top = p.y;
    p.text(LEFT, top - 12.0, Font::Bold, 14.0, &doc.business);
    let mut y = top - 26.0;
    for line in &doc.header_lines {
        p.text(LEFT, y, Font::Regular, 9.0, line);
        y -= 11.0;
    }
    p.rule(y + 4.0, LEFT, RIGHT, 1.0);
    let title_w = width(Font::Bold, 15.0, &doc.title);
    p.text((PAGE_W - title_w) / 2.0, y - 20.0, Font::Bold, 15.0, &doc.title);
    let period_w = width(Font::Regular, 10.0, &doc.period);
    p.text((PAGE_W - period_w) / 2.0, y - 35.0, Font::Regular, 10.0, &doc.period);
    p.y = y - 60.0;

    for block in &doc.blocks {
        match block {
            Block::Heading(h) => {
                p.ensure(ROW_H * 3.0);
                p.y -= 4.0;
                let y = p.y;
                p.text(LEFT, y, Font::Bold, 11.0, h);
                p.y -= ROW_H + 2.0;
            }
            Block::Paragraph(text) => {
                for line in wrap(Font::Regular, BODY, text, RIGHT - LEFT) {
                    p.ensure(ROW_H);
                    let y = p.y;
                    p.text(LEFT, y, Font::Regular, BODY, &line);
                    p.y -= 13.0;
                }
                p.y -= 4.0;
            }
            Block::Table { columns, rows } => {
                p.ensure(ROW_H * 3.0);
                p.table_header(columns);
                for row in rows {
                    p.row(columns, row);
                }
                p.y -= 8.0;
            }
        }
    }
    finish(p, doc, lang)
}

fn finish(p: Pages, doc: &Document, lang: Lang) -> Vec<u8> {
    let n = p.pages.len();
    let mut pdf = Pdf::new();
    let mut next = 0;
    let mut alloc = || {
        next += 1;
        Ref::new(next)
    };
    let (catalog, tree, info, regular, bold) = (alloc(), alloc(), alloc(), alloc(), alloc());
    let ids: Vec<(Ref, Ref)> = (0..n).map(|_| (alloc(), alloc())).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(ids.iter().map(|p| p.0)).count(i32::try_from(n).unwrap_or(i32::MAX));
    pdf.document_info(info)
        .title(TextStr(&doc.title))
        .author(TextStr(&doc.business))
        .producer(TextStr("Usahaku"));
    pdf.type1_font(regular).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold).base_font(Name(b"Helvetica-Bold")).encoding_predefined(Name(b"WinAnsiEncoding"));
    for (i, (mut content, (page_id, content_id))) in p.pages.into_iter().zip(ids).enumerate() {
        let footer = format!("{} {} {} {n}", lang.pick("Halaman", "Page"), i + 1, lang.pick("dari", "of"));
        let footer_bytes = winansi(&footer);
        let fw = width(Font::Regular, 8.0, &footer);
        content.begin_text();
        content.set_font(Font::Regular.name(), 8.0);
        content.next_line(RIGHT - fw, MARGIN);
        content.show(Str(&footer_bytes));
        content.end_text();
        let mut page = pdf.page(page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        page.parent(tree);
        page.contents(content_id);
        page.resources().fonts().pair(Font::Regular.name(), regular).pair(Font::Bold.name(), bold);
        page.finish();
        let data = miniz_oxide::deflate::compress_to_vec_zlib(&content.finish(), 6);
        pdf.stream(content_id, &data).filter(Filter::FlateDecode);
    }
    pdf.finish()
}
