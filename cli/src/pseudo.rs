//! Pseudo-locales: a language's Fluent files made into a language no one speaks, so that a test can see
//! on screen what the message system did not reach, what is cut off, what does not fit and what does not
//! mirror.
//!
//! Only the text of patterns changes: message values and attributes, the variants of selectors, and the
//! values of terms. Ids, variable names, variant keys, the expressions inside placeables (string literals
//! included) and comments are kept as written.
//!
//! - [`Style::Accented`]: every ASCII letter becomes an accented look-alike (one per letter, [`accent`]),
//!   every vowel is doubled, and each message is put in brackets, `[` before its first text and `]` after
//!   its last; a message that is a selector alone has each variant in brackets. A message still shorter
//!   than 140 % of its source text after the vowels (counting the default variant of a selector) gets
//!   `~` before its `]`, so every message is at least 40 % longer. A term is accented and lengthened but
//!   not bracketed: it is a part of the messages that use it.
//! - [`Style::Rtl`]: the text is put between U+202E RIGHT-TO-LEFT OVERRIDE and U+202C POP DIRECTIONAL
//!   FORMATTING, not reversed: the browser then draws its letters right to left, as it draws Arabic or
//!   Hebrew, and a page with `dir="rtl"` shows whether its layout mirrors. (Reversing the text as well
//!   would make it read left to right again.) Placeables, line breaks and the digits written in the text
//!   (`112`) stay outside the overrides, so the numbers and names in a message read as they do in Arabic
//!   or Hebrew text. A U+200F RIGHT-TO-LEFT MARK on each side of an override keeps the words and the
//!   numbers between them in right-to-left order: without it, an override in a right-to-left paragraph is
//!   a level above the numbers, and Chromium shows `Question { $number } of { $total }` as
//!   `noitseuQ3 fo 17` instead of `17 fo 3 noitseuQ`.
//!
//! The files are written in the layout of the app's own message files (a value starts on its id's line;
//! a selector's variants one per line, four spaces in, `*` before the default; its closing brace at the
//! start of a line), which the app's reader (`src/state/messages.rs`) reads as Fluent does. Each file is
//! read back with `fluent-syntax` and compared with what was meant before it is returned.
//! `fluent_syntax::serializer` is not used: it starts a value that holds a selector on a line of its own,
//! which the app's reader does not read as Fluent does, and there a value beginning with `[` is not Fluent.

use std::path::{Path, PathBuf};

use fluent_syntax::ast::{
    CallArguments, Comment, Entry, Expression, InlineExpression, Pattern, PatternElement, Resource, Variant,
    VariantKey,
};
use fluent_syntax::parser::{self, ParserError};

/// How a pseudo-locale changes the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Style {
    /// Every letter accented, vowels doubled, each message in `[` … `]`; left to right.
    Accented,
    /// Every text drawn right to left (U+200F U+202E … U+202C U+200F), placeables as they are; `dir = "rtl"`.
    Rtl,
}

impl Style {
    /// The writing direction of the pseudo-locale (`dir` in `language.toml`).
    pub fn dir(self) -> &'static str {
        match self {
            Style::Accented => "ltr",
            Style::Rtl => "rtl",
        }
    }

    /// The style's name as the command line spells it.
    pub fn name(self) -> &'static str {
        match self {
            Style::Accented => "accented",
            Style::Rtl => "rtl",
        }
    }

    /// A message's value or an attribute's, changed in this style.
    fn message(self, pattern: &mut Pattern<String>) {
        match self {
            Style::Accented => accented_message(pattern),
            Style::Rtl => each_text(pattern, &right_to_left),
        }
    }

    /// A term's value, changed in this style without brackets.
    fn term(self, pattern: &mut Pattern<String>) {
        match self {
            Style::Accented => {
                let before = shown_len(pattern);
                each_text(pattern, &accent);
                let filler = filler(before, shown_len(pattern));
                close(pattern, &filler);
            }
            Style::Rtl => each_text(pattern, &right_to_left),
        }
    }

    /// A text changed as a message of one text is (the language's name in itself).
    pub fn text(self, text: &str) -> String {
        let mut pattern = Pattern {
            elements: vec![PatternElement::TextElement {
                value: text.to_owned(),
            }],
        };
        self.message(&mut pattern);
        let mut out = String::new();
        for element in &pattern.elements {
            if let PatternElement::TextElement { value } = element {
                out.push_str(value);
            }
        }
        out
    }
}

/// The accented look-alikes of `a` to `z`.
const LOWER: [char; 26] = [
    'á', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'í', 'ĵ', 'ķ', 'ļ', 'ḿ', 'ñ', 'ó', 'þ', 'ǫ', 'ŕ', 'š', 'ţ', 'ú',
    'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
];

/// The accented look-alikes of `A` to `Z`.
const UPPER: [char; 26] = [
    'Á', 'Ɓ', 'Ç', 'Ð', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Í', 'Ĵ', 'Ķ', 'Ļ', 'Ḿ', 'Ñ', 'Ó', 'Þ', 'Ǫ', 'Ŕ', 'Š', 'Ţ', 'Ú',
    'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
];

/// The vowels doubled to lengthen a text (`y` with them, as in Finnish and Swedish).
const VOWELS: &str = "aeiouyAEIOUY";

/// U+202E RIGHT-TO-LEFT OVERRIDE.
pub const RIGHT_TO_LEFT_OVERRIDE: char = '\u{202E}';

/// U+202C POP DIRECTIONAL FORMATTING.
pub const POP_DIRECTIONAL_FORMATTING: char = '\u{202C}';

/// U+200F RIGHT-TO-LEFT MARK.
pub const RIGHT_TO_LEFT_MARK: char = '\u{200F}';

/// The accented look-alike of an ASCII letter; any other character as it is.
fn accent_char(c: char) -> char {
    let table = if c.is_ascii_lowercase() {
        &LOWER
    } else if c.is_ascii_uppercase() {
        &UPPER
    } else {
        return c;
    };
    let index = u32::from(c.to_ascii_lowercase()) - u32::from('a');
    usize::try_from(index)
        .ok()
        .and_then(|index| table.get(index))
        .copied()
        .unwrap_or(c)
}

/// `text` with every ASCII letter accented and every vowel doubled (the second in lower case): `Send
/// answers` → `Šééñð ááñšŵééŕš`, `OK` → `Óóĸ`.
pub fn accent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for c in text.chars() {
        let accented = accent_char(c);
        out.push(accented);
        if VOWELS.contains(c) {
            out.push(accent_char(c.to_ascii_lowercase()));
        }
    }
    out
}

/// `text` drawn right to left: each run of it that is not blank and holds no ASCII digit between U+202E and
/// U+202C, marked U+200F on each side; lines, and numbers written in the text (`112`), are kept outside the
/// overrides, so that a number reads as it does in Arabic or Hebrew text.
pub fn right_to_left(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.trim().is_empty() {
            out.push_str(run);
        } else {
            out.extend([RIGHT_TO_LEFT_MARK, RIGHT_TO_LEFT_OVERRIDE]);
            out.push_str(run);
            out.extend([POP_DIRECTIONAL_FORMATTING, RIGHT_TO_LEFT_MARK]);
        }
        run.clear();
    };
    for c in text.chars() {
        if c == '\n' || c.is_ascii_digit() {
            flush(&mut run, &mut out);
            out.push(c);
        } else {
            run.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The variants of a selector (also one inside a nested placeable, `{ { $n -> … } }`).
fn variants_mut(expression: &mut Expression<String>) -> Option<&mut Vec<Variant<String>>> {
    match expression {
        Expression::Select { variants, .. } => Some(variants),
        Expression::Inline(InlineExpression::Placeable { expression }) => variants_mut(expression),
        Expression::Inline(_) => None,
    }
}

fn variants(expression: &Expression<String>) -> Option<&Vec<Variant<String>>> {
    match expression {
        Expression::Select { variants, .. } => Some(variants),
        Expression::Inline(InlineExpression::Placeable { expression }) => variants(expression),
        Expression::Inline(_) => None,
    }
}

/// Changes every text of `pattern`, the variants of its selectors' included, with `change`.
fn each_text(pattern: &mut Pattern<String>, change: &impl Fn(&str) -> String) {
    for element in &mut pattern.elements {
        match element {
            PatternElement::TextElement { value } => *value = change(value),
            PatternElement::Placeable { expression } => {
                for variant in variants_mut(expression).into_iter().flatten() {
                    each_text(&mut variant.value, change);
                }
            }
        }
    }
}

/// The characters of text a pattern shows (a selector's by its default variant).
fn shown_len(pattern: &Pattern<String>) -> usize {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            PatternElement::TextElement { value } => value.chars().count(),
            PatternElement::Placeable { expression } => variants(expression)
                .and_then(|variants| variants.iter().find(|variant| variant.default))
                .map_or(0, |variant| shown_len(&variant.value)),
        })
        .sum()
}

/// The `~` that make a text of `after` characters, `before` in the source, at least 40 % longer.
fn filler(before: usize, after: usize) -> String {
    let wanted = before + (before * 2).div_ceil(5);
    "~".repeat(wanted.saturating_sub(after))
}

/// A message's value or attribute's, accented, lengthened and in brackets.
fn accented_message(pattern: &mut Pattern<String>) {
    // A value that is a selector and nothing else: each variant is shown as a whole message.
    if let [PatternElement::Placeable { expression }] = pattern.elements.as_mut_slice()
        && let Some(variants) = variants_mut(expression)
    {
        for variant in variants {
            accented_message(&mut variant.value);
        }
        return;
    }
    let before = shown_len(pattern);
    each_text(pattern, &accent);
    let filler = filler(before, shown_len(pattern));
    open(pattern);
    close(pattern, &format!("{filler}]"));
}

/// Puts `[` before the first text of `pattern` (of each variant when it begins with a selector).
fn open(pattern: &mut Pattern<String>) {
    match pattern.elements.first_mut() {
        Some(PatternElement::TextElement { value }) => value.insert(0, '['),
        Some(PatternElement::Placeable { expression }) if variants(expression).is_some() => {
            for variant in variants_mut(expression).into_iter().flatten() {
                open(&mut variant.value);
            }
        }
        _ => pattern.elements.insert(
            0,
            PatternElement::TextElement {
                value: "[".to_owned(),
            },
        ),
    }
}

/// Puts `suffix` after the last text of `pattern` (of each variant when it ends with a selector).
fn close(pattern: &mut Pattern<String>, suffix: &str) {
    if suffix.is_empty() {
        return;
    }
    match pattern.elements.last_mut() {
        Some(PatternElement::TextElement { value }) => value.push_str(suffix),
        Some(PatternElement::Placeable { expression }) if variants(expression).is_some() => {
            for variant in variants_mut(expression).into_iter().flatten() {
                close(&mut variant.value, suffix);
            }
        }
        _ => pattern.elements.push(PatternElement::TextElement {
            value: suffix.to_owned(),
        }),
    }
}

/// Changes the text of every message, attribute and term of `resource` in `style`.
pub fn transform(resource: &mut Resource<String>, style: Style) {
    for entry in &mut resource.body {
        match entry {
            Entry::Message(message) => {
                if let Some(value) = &mut message.value {
                    style.message(value);
                }
                for attribute in &mut message.attributes {
                    style.message(&mut attribute.value);
                }
            }
            Entry::Term(term) => {
                style.term(&mut term.value);
                for attribute in &mut term.attributes {
                    style.term(&mut attribute.value);
                }
            }
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) | Entry::Junk { .. } => {}
        }
    }
}

/// `source` (the file shown as `shown`, `relative` in its folder) in `style`, as the text of its file;
/// or every syntax error of the source, each `shown:line: what`.
pub fn pseudo_file(shown: &str, relative: &str, source: &str, style: Style) -> Result<String, Vec<String>> {
    let mut resource = parser::parse(source.to_owned()).map_err(|(_, errors)| {
        errors
            .iter()
            .map(|error| located(shown, source, error))
            .collect::<Vec<_>>()
    })?;
    transform(&mut resource, style);
    resource.body.insert(
        0,
        Entry::ResourceComment(Comment {
            content: vec![format!(
                "A pseudo-locale for testing (style `{}`), generated from `{relative}` by `tyokyky-rules \
                 languages pseudo`: do not edit.",
                style.name()
            )],
        }),
    );
    let written = write(&resource);
    match parser::parse(written.clone()) {
        Ok(read) if read == resource => Ok(written),
        _ => Err(vec![format!(
            "{shown}: cannot write its pseudo-locale faithfully (a layout of text this writer does not keep)"
        )]),
    }
}

/// A syntax error as `shown:line: what: `the line``.
pub fn located(shown: &str, source: &str, error: &ParserError) -> String {
    let before = source.get(..error.pos.start).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let what = error.kind.to_string();
    let mut chars = what.chars();
    let what = chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect::<String>())
        .unwrap_or_default();
    let excerpt = error
        .slice
        .clone()
        .and_then(|slice| source.get(slice))
        .and_then(|junk| junk.lines().find(|line| !line.trim().is_empty()))
        .map(|junk| format!(": `{}`", junk.trim()))
        .unwrap_or_default();
    format!("{shown}:{line}: {what}{excerpt}")
}

// ---------------------------------------------------------------------------------------------------
// Writing

/// `resource` as Fluent in the layout of the app's message files.
pub fn write(resource: &Resource<String>) -> String {
    let mut out = String::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                write_comment(&mut out, message.comment.as_ref(), "#");
                out.push_str(&message.id.name);
                out.push_str(" =");
                if let Some(value) = &message.value {
                    out.push(' ');
                    write_pattern(&mut out, value, 4);
                }
                write_attributes(&mut out, &message.attributes);
                out.push('\n');
            }
            Entry::Term(term) => {
                write_comment(&mut out, term.comment.as_ref(), "#");
                out.push('-');
                out.push_str(&term.id.name);
                out.push_str(" = ");
                write_pattern(&mut out, &term.value, 4);
                write_attributes(&mut out, &term.attributes);
                out.push('\n');
            }
            Entry::Comment(comment) => write_free_comment(&mut out, comment, "#"),
            Entry::GroupComment(comment) => write_free_comment(&mut out, comment, "##"),
            Entry::ResourceComment(comment) => write_free_comment(&mut out, comment, "###"),
            Entry::Junk { content } => out.push_str(content),
        }
    }
    out
}

/// A comment of its own, with a blank line before (but at the start) and after it.
fn write_free_comment(out: &mut String, comment: &Comment<String>, prefix: &str) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    write_comment(out, Some(comment), prefix);
    out.push('\n');
}

fn write_comment(out: &mut String, comment: Option<&Comment<String>>, prefix: &str) {
    for line in comment.into_iter().flat_map(|comment| &comment.content) {
        out.push_str(prefix);
        if !line.trim().is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
}

fn write_attributes(out: &mut String, attributes: &[fluent_syntax::ast::Attribute<String>]) {
    for attribute in attributes {
        out.push_str("\n    .");
        out.push_str(&attribute.id.name);
        out.push_str(" = ");
        write_pattern(out, &attribute.value, 8);
    }
}

fn indent(out: &mut String, width: usize) {
    out.extend(std::iter::repeat_n(' ', width));
}

/// A pattern from where it starts on its line; its continuation lines `indent` spaces in.
fn write_pattern(out: &mut String, pattern: &Pattern<String>, width: usize) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                let mut lines = value.split('\n');
                out.push_str(lines.next().unwrap_or_default());
                for line in lines {
                    out.push('\n');
                    if !line.is_empty() {
                        indent(out, width);
                        out.push_str(line);
                    }
                }
            }
            PatternElement::Placeable { expression } => write_placeable(out, expression, width),
        }
    }
}

/// `{ expression }`; a selector's variants one a line, `width` spaces in, its `}` `width - 4` in.
fn write_placeable(out: &mut String, expression: &Expression<String>, width: usize) {
    out.push_str("{ ");
    match expression {
        Expression::Inline(inline) => {
            write_inline(out, inline, width);
            out.push_str(" }");
        }
        Expression::Select { selector, variants } => {
            write_inline(out, selector, width);
            out.push_str(" ->");
            for variant in variants {
                out.push('\n');
                if variant.default {
                    indent(out, width.saturating_sub(1));
                    out.push('*');
                } else {
                    indent(out, width);
                }
                out.push('[');
                match &variant.key {
                    VariantKey::Identifier { name } => out.push_str(name),
                    VariantKey::NumberLiteral { value } => out.push_str(value),
                }
                out.push_str("] ");
                write_pattern(out, &variant.value, width + 4);
            }
            out.push('\n');
            indent(out, width.saturating_sub(4));
            out.push('}');
        }
    }
}

fn write_inline(out: &mut String, expression: &InlineExpression<String>, width: usize) {
    match expression {
        InlineExpression::StringLiteral { value } => {
            out.push('"');
            out.push_str(value);
            out.push('"');
        }
        InlineExpression::NumberLiteral { value } => out.push_str(value),
        InlineExpression::VariableReference { id } => {
            out.push('$');
            out.push_str(&id.name);
        }
        InlineExpression::FunctionReference { id, arguments } => {
            out.push_str(&id.name);
            write_arguments(out, arguments, width);
        }
        InlineExpression::MessageReference { id, attribute } => {
            out.push_str(&id.name);
            if let Some(attribute) = attribute {
                out.push('.');
                out.push_str(&attribute.name);
            }
        }
        InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            out.push('-');
            out.push_str(&id.name);
            if let Some(attribute) = attribute {
                out.push('.');
                out.push_str(&attribute.name);
            }
            if let Some(arguments) = arguments {
                write_arguments(out, arguments, width);
            }
        }
        InlineExpression::Placeable { expression } => write_placeable(out, expression, width),
    }
}

fn write_arguments(out: &mut String, arguments: &CallArguments<String>, width: usize) {
    out.push('(');
    let mut first = true;
    let mut separate = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push_str(", ");
        }
    };
    for positional in &arguments.positional {
        separate(out);
        write_inline(out, positional, width);
    }
    for named in &arguments.named {
        separate(out);
        out.push_str(&named.name.name);
        out.push_str(": ");
        write_inline(out, &named.value, width);
    }
    out.push(')');
}

// ---------------------------------------------------------------------------------------------------
// Files

/// Every `.ftl` file in `root` and its folders, as paths relative to `root`, sorted; the folder `skip`
/// (where the pseudo-locale is written) is not entered.
pub fn ftl_files(root: &Path, skip: Option<&Path>) -> std::io::Result<Vec<PathBuf>> {
    fn walk(
        root: &Path,
        folder: &Path,
        skip: Option<&Path>,
        found: &mut Vec<PathBuf>,
    ) -> std::io::Result<()> {
        let mut entries = std::fs::read_dir(root.join(folder))?.collect::<Result<Vec<_>, _>>()?;
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let relative = folder.join(entry.file_name());
            let kind = entry.file_type()?;
            if kind.is_dir() {
                let skipped =
                    skip.is_some_and(|skip| entry.path().canonicalize().is_ok_and(|path| path == skip));
                if !skipped {
                    walk(root, &relative, skip, found)?;
                }
            } else if kind.is_file() && relative.extension().is_some_and(|extension| extension == "ftl") {
                found.push(relative);
            }
        }
        Ok(())
    }
    let mut found = Vec::new();
    walk(root, Path::new(""), skip, &mut found)?;
    Ok(found)
}

/// What `language.toml` says of a language.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Language {
    /// Its language tag.
    pub tag: String,
    /// Its name in itself.
    pub name: String,
    /// `ltr` or `rtl`.
    pub dir: String,
    /// The languages whose messages are used where it has none, in order.
    pub fallback: Vec<String>,
    /// The locale whose conventions the browser uses for a date with its time: the source's.
    pub intl: String,
    /// The weekdays' short names, Monday first: the source's, changed as the messages are.
    pub weekdays: Vec<String>,
    /// How a date is written: the source's.
    pub date: String,
}

/// What the pseudo-locale takes of a source language's `language.toml`, where it has one.
#[derive(Debug, Default, serde::Deserialize)]
pub struct SourceLanguage {
    /// Its language tag.
    pub tag: Option<String>,
    /// Its name in itself.
    pub name: Option<String>,
    /// The locale of its dates and times.
    pub intl: Option<String>,
    /// Its weekdays' short names.
    pub weekdays: Option<Vec<String>>,
    /// How it writes a date.
    pub date: Option<String>,
}

/// The text of the pseudo-locale's `language.toml`.
pub fn language_toml(language: &Language, style: Style) -> Result<String, toml::ser::Error> {
    Ok(format!(
        "# A pseudo-locale for testing (style `{}`), generated by `tyokyky-rules languages pseudo`: do not \
         edit.\n{}",
        style.name(),
        toml::to_string(language)?
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ascii_letter_has_its_own_accented_look_alike() {
        let letters: Vec<char> = ('a'..='z').chain('A'..='Z').collect();
        let accented: Vec<char> = letters.iter().map(|&c| accent_char(c)).collect();
        assert!(accented.iter().all(|c| !c.is_ascii()), "{accented:?}");
        let mut distinct = accented.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 52, "{accented:?}");
        assert_eq!(accent_char('7'), '7');
        assert_eq!(accent("Send answers"), "Šééñð ááñšŵééŕš");
    }

    fn pseudo(source: &str, style: Style) -> String {
        pseudo_file("test.ftl", "test.ftl", source, style).unwrap()
    }

    #[test]
    fn accented_messages_are_bracketed_lengthened_and_keep_ids_keys_variables_and_comments() {
        let source = "# Buttons\nback = Back\nprogress = Question { $number } of { $total }\n\
                      lead = We found { $count ->\n    [one] one service\n   *[other] { $count } services\n} for you.\n\
                      blocked = { $count ->\n    [one] One thing\n   *[other] { $count } things\n}\n\
                      only = { $name }\nlink = Read\n    .title = Read the text\n";
        let written = pseudo(source, Style::Accented);
        let expected = "### A pseudo-locale for testing (style `accented`), generated from `test.ftl` by \
                        `tyokyky-rules languages pseudo`: do not edit.\n\n\
                        # Buttons\nback = [Ɓááçķ~]\n\
                        progress = [Ǫúúééšţííóóñ { $number } óóƒ { $total }~]\n\
                        lead = [Ŵéé ƒóóúúñð { $count ->\n    [one] óóñéé šééŕṽííçéé\n   *[other] { $count } šééŕṽííçééš\n} ƒóóŕ ýýóóúú.~]\n\
                        blocked = { $count ->\n    [one] [Óóñéé ţĥííñĝ~]\n   *[other] [{ $count } ţĥííñĝš~~]\n}\n\
                        only = [{ $name }]\n\
                        link = [Ŕééááð]\n    .title = [Ŕééááð ţĥéé ţééẋţ~~]\n";
        assert_eq!(written, expected);
    }

    #[test]
    fn rtl_messages_override_each_text_and_leave_placeables_outside() {
        let written = pseudo(
            "progress = Question { $number } of { $total }\nonly = { $name }\n",
            Style::Rtl,
        );
        assert!(written.ends_with(
            "progress = \u{200F}\u{202E}Question \u{202C}\u{200F}{ $number }\u{200F}\u{202E} of \u{202C}\u{200F}{ $total }\n\
             only = { $name }\n"
        ));
    }

    #[test]
    fn rtl_keeps_digits_and_line_breaks_outside_the_overrides() {
        assert_eq!(
            right_to_left("call 112.\nor 0800 123"),
            "\u{200F}\u{202E}call \u{202C}\u{200F}112\u{200F}\u{202E}.\u{202C}\u{200F}\n\
             \u{200F}\u{202E}or \u{202C}\u{200F}0800 123"
        );
    }

    #[test]
    fn terms_are_accented_without_brackets_and_references_are_kept() {
        let written = pseudo(
            "-brand = Tyokyky\nhello = Welcome to { -brand }, { NUMBER($n, style: \"percent\") }\n",
            Style::Accented,
        );
        assert!(written.contains("-brand = Ţýýóóķýýķýý\n"), "{written}");
        assert!(
            written.contains("hello = [Ŵééļçóóḿéé ţóó { -brand }, { NUMBER($n, style: \"percent\") }~~]\n"),
            "{written}"
        );
    }

    #[test]
    fn a_file_that_is_not_fluent_is_refused_by_file_and_line() {
        let errors = pseudo_file(
            "locales/en.ftl",
            "en.ftl",
            "a = one\n\nb one\nc = three\n",
            Style::Rtl,
        )
        .unwrap_err();
        assert_eq!(
            errors,
            vec!["locales/en.ftl:3: expected a token starting with \"=\": `b one`".to_owned()]
        );
    }

    #[test]
    fn the_name_is_changed_as_a_message() {
        assert_eq!(Style::Accented.text("English"), "[Ééñĝļííšĥ~]");
        assert_eq!(
            Style::Rtl.text("English"),
            "\u{200F}\u{202E}English\u{202C}\u{200F}"
        );
    }
}
