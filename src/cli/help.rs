//! The command line's help in French. clap takes its English help from the doc comments of
//! `Cli`; in French the same command is walked and each text replaced from i18n's table
//! (`i18n::cli_help_fr`), keyed by subcommand path and argument name, so that both languages
//! describe one definition. clap's own error messages stay in English.

use clap::{Arg, Command};

/// `command` with its help in French.
pub fn french(mut command: Command) -> Command {
    // The built-in --help, --version and `help` exist once the command is built.
    command.build();
    translate(command, "").after_help(crate::i18n::CLI_EXAMPLES_FR)
}

fn translate(command: Command, path: &str) -> Command {
    // `help` is added to every command that has subcommands, with a copy of their names
    // under it (`config help path`): one text serves each.
    let own = if command.get_name() == "help" {
        crate::i18n::cli_help_fr("help", "")
    } else {
        crate::i18n::cli_help_fr(&path.replace("help ", ""), "")
    };
    let mut command = command
        .help_template(crate::i18n::CLI_TEMPLATE_FR)
        .subcommand_help_heading("Commandes ")
        .subcommand_value_name("COMMANDE")
        .mut_args(|arg: Arg| {
            let id = arg.get_id().as_str().to_owned();
            // clap adds the colon; French sets it apart with a space.
            let heading = if arg.is_positional() {
                "Arguments "
            } else {
                "Options "
            };
            // Global options keep the root's words in every subcommand.
            let text = crate::i18n::cli_help_fr(path, &id)
                .or_else(|| crate::i18n::cli_help_fr("", &id))
                .or_else(|| {
                    path.ends_with("help")
                        .then(|| crate::i18n::cli_help_fr("help", &id))
                        .flatten()
                });
            let Some(text) = text else {
                return arg.help_heading(heading);
            };
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let mut help = text.to_owned();
            let takes_values = arg.get_action().takes_values();
            if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
                help += &format!(" [par défaut : {}]", defaults.join(", "));
            }
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if takes_values && !values.is_empty() && !arg.is_hide_possible_values_set() {
                help += &format!(" [valeurs possibles : {}]", values.join(", "));
            }
            arg.help_heading(heading)
                .help(help)
                .hide_default_value(true)
                .hide_possible_values(true)
        })
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_owned();
            let sub_path = if path.is_empty() {
                name
            } else {
                format!("{path} {name}")
            };
            translate(sub, &sub_path)
        });
    if let Some(text) = own {
        command = command.about(text);
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn all_texts(command: &Command, path: &str, out: &mut Vec<(String, String, String)>) {
        if let Some(about) = command.get_about() {
            out.push((path.to_owned(), String::new(), about.to_string()));
        }
        for arg in command.get_arguments() {
            if let Some(help) = arg.get_help() {
                out.push((path.to_owned(), arg.get_id().to_string(), help.to_string()));
            }
        }
        for sub in command.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_owned()
            } else {
                format!("{path} {}", sub.get_name())
            };
            all_texts(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_help_line_has_its_french_words() {
        let mut english = super::super::Cli::command();
        english.build();
        let mut texts = Vec::new();
        all_texts(&english, "", &mut texts);
        let french = french(super::super::Cli::command());
        let mut translated = Vec::new();
        all_texts(&french, "", &mut translated);
        assert_eq!(texts.len(), translated.len());
        for ((path, arg, en), (_, _, fr)) in texts.iter().zip(&translated) {
            assert_ne!(en, fr, "no French for `{path}` `{arg}`");
        }
    }
}
