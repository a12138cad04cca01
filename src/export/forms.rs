//! The remarks form as a spreadsheet (rust_xlsxwriter): every cell locked but the
//! organisation and the remarks column, which wraps; the organisation picked from a list
//! of the meeting's organisations. The Word form is `docx::form`.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Formula, Workbook, XlsxError,
};

use crate::record::form::Form;

/// The row (0-based) of the table's header, and of the organisation field.
pub const HEADER_ROW: u32 = 6;
const ORGANISATION_ROW: u32 = 4;

/// The xlsx file's bytes.
pub fn xlsx(form: &Form) -> Result<Vec<u8>, XlsxError> {
    let r = &form.record;
    let l = &r.labels;
    let mut book = Workbook::new();
    // Dated as every document of the meeting is (`clock::document_stamp`), not by the
    // instant of writing: the same meeting gives the same bytes.
    let stamp = crate::clock::document_stamp(r.held_on);
    let at = stamp.trim_end_matches('Z');
    if let Ok(at) = ExcelDateTime::parse_from_str(at) {
        book.set_properties(&DocProperties::new().set_creation_datetime(&at));
    }
    let lists = "Listes";
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let head = wrap
        .clone()
        .set_bold()
        .set_background_color(Color::RGB(0xE6E6E6));
    let open = wrap
        .clone()
        .set_unlocked()
        .set_background_color(Color::RGB(0xFFF9E0));
    let sheet = book.add_worksheet();
    sheet.set_name(sanitize(l.form_remarks))?;
    sheet.write_string_with_format(0, 0, &r.title, &title)?;
    sheet.write_string_with_format(1, 0, &r.kind, &bold)?;
    if !r.date.is_empty() {
        sheet.write_string(2, 0, &r.date)?;
    }
    sheet.write_string(3, 0, &form.instructions)?;
    sheet.write_string_with_format(ORGANISATION_ROW, 0, l.form_organisation, &bold)?;
    sheet.write_string_with_format(ORGANISATION_ROW, 1, "", &open)?;
    if !form.organisations.is_empty() {
        let range = format!("={lists}!$A$1:$A${}", form.organisations.len());
        let pick = DataValidation::new()
            .allow_list_formula(Formula::new(range))
            .set_error_style(DataValidationErrorStyle::Warning);
        sheet.add_data_validation(ORGANISATION_ROW, 1, ORGANISATION_ROW, 1, &pick)?;
    }
    let heads = [l.number, l.form_commitment, l.form_said, l.form_remarks];
    for (col, text) in (0u16..).zip(heads) {
        sheet.write_string_with_format(HEADER_ROW, col, text, &head)?;
    }
    rows(sheet, form, (&wrap, &open))?;
    for (col, width) in (0u16..).zip(WIDTHS) {
        sheet.set_column_width(col, width as f64)?;
    }
    // One page wide, as many pages tall as it takes.
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_landscape().set_paper_size(9);
    sheet.protect();
    let names = book.add_worksheet();
    names.set_name(lists)?;
    for (i, organisation) in (0u32..).zip(&form.organisations) {
        names.write_string(i, 0, organisation)?;
    }
    names.set_hidden(true);
    book.save_to_buffer()
}

/// The table's rows: number, title, what was said, and the open remarks cell, each row
/// tall enough for its text (Excel does not grow a row a program wrote) and for three
/// lines of remarks at least.
fn rows(
    sheet: &mut rust_xlsxwriter::Worksheet,
    form: &Form,
    (wrap, open): (&Format, &Format),
) -> Result<(), XlsxError> {
    for (i, (row, title)) in (0u32..).zip(form.rows()) {
        let at = HEADER_ROW + 1 + i;
        sheet.write_number_with_format(at, 0, f64::from(row.number), wrap)?;
        sheet.write_string_with_format(at, 1, title, wrap)?;
        let said: Vec<String> = row
            .items
            .iter()
            .map(|item| {
                let bullet = if item.level == 0 { "• " } else { "   o " };
                format!("{bullet}{}", item.text)
            })
            .collect();
        let said = said.join("\n");
        let lines = [(title, WIDTHS[1]), (said.as_str(), WIDTHS[2])]
            .into_iter()
            .map(|(text, width)| crate::wrap::count_rows(text, width.saturating_sub(2).max(8)))
            .max()
            .unwrap_or(1)
            .max(3);
        sheet.set_row_height(at, 15.0 * lines as f64 + 4.0)?;
        sheet.write_string_with_format(at, 2, said, wrap)?;
        sheet.write_string_with_format(at, 3, "", open)?;
    }
    Ok(())
}

/// The columns' widths, in characters: N°, the commitment, what was said, the remarks.
const WIDTHS: [usize; 4] = [6, 38, 60, 60];

/// A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters.
fn sanitize(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}
