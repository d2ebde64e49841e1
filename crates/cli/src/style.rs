//! Terminal colour: on when the stream is a terminal and NO_COLOR is unset.

use std::io::IsTerminal;

#[derive(Clone, Copy, Debug)]
pub struct Style {
    on: bool,
}

impl Style {
    pub fn stdout() -> Style {
        Style {
            on: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }

    fn paint(self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }

    pub fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }

    pub fn heading(self, s: &str) -> String {
        self.paint("1;36", s)
    }

    /// Colour by stance: support green, denial red, withholding yellow.
    pub fn stance(self, stance: &str) -> String {
        let code = match stance {
            "assert" | "confirm" => "32",
            "deny" => "31",
            "cannot_confirm" => "33",
            "predict" => "35",
            "urge" => "34",
            _ => "0",
        };
        self.paint(code, stance)
    }
}
