//! `opentok`: every OpenTok / Vonage Video REST operation from the command line, plus
//! `opentok emulator` (a local stand-in for the service) and `opentok demo` (a guided lifecycle).
//!
//! Exit codes: 0 success, 1 API or network error, 2 invalid arguments.

mod commands;
mod demo;
mod output;
mod webhooks;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser};
use opentok_core::{Error, OpenTok, Role, TokenOptions, TokenType};
use serde_json::{json, Value};

use commands::{Call, Cmd, COMMANDS};

/// Command-line interface to the OpenTok / Vonage Video server API.
#[derive(Parser)]
#[command(
    name = "opentok",
    version,
    about = "OpenTok / Vonage Video server API from the command line",
    after_help = "Credentials: OPENTOK_API_KEY + OPENTOK_API_SECRET, or OPENTOK_APPLICATION_ID + \
                  OPENTOK_PRIVATE_KEY_FILE (or the matching options).\n\
                  Output: pretty-printed JSON (camelCase, as the API answers); --pretty for a table.\n\
                  Exit codes: 0 success, 1 API or network error, 2 invalid arguments."
)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    cmd: Cmd,
}

/// Options every subcommand accepts.
#[derive(Args)]
struct Global {
    /// Project API key.
    #[arg(long, env = "OPENTOK_API_KEY", global = true)]
    api_key: Option<String>,
    /// Project API secret (never printed).
    #[arg(
        long,
        env = "OPENTOK_API_SECRET",
        global = true,
        hide_env_values = true
    )]
    api_secret: Option<String>,
    /// Vonage application id (instead of an api key and secret).
    #[arg(long, env = "OPENTOK_APPLICATION_ID", global = true)]
    application_id: Option<String>,
    /// PEM file with the Vonage application's private key.
    #[arg(
        long,
        env = "OPENTOK_PRIVATE_KEY_FILE",
        global = true,
        value_name = "FILE"
    )]
    private_key_file: Option<PathBuf>,
    /// Base URL of the API (e.g. an emulator's http://127.0.0.1:PORT).
    #[arg(long, env = "OPENTOK_API_URL", global = true, value_name = "URL")]
    api_url: Option<String>,
    /// Request timeout in seconds.
    #[arg(long, global = true, value_name = "SECONDS")]
    timeout: Option<f64>,
    /// Print a readable table or summary instead of JSON.
    #[arg(long, global = true)]
    pretty: bool,
}

impl Global {
    /// The client these options describe. Core checks the combination.
    fn client(&self) -> Result<OpenTok, Error> {
        let private_key = match &self.private_key_file {
            Some(path) => Some(std::fs::read_to_string(path).map_err(|e| {
                Error::invalid(
                    "private_key_file",
                    format!("cannot read {}: {e}", path.display()),
                )
            })?),
            None => None,
        };
        // An application id without a key file (e.g. a stray environment variable) does not
        // override project credentials.
        let app = private_key.is_some() || self.api_key.is_none();
        let mut o = json!({ "language": format!("cli/{}", env!("CARGO_PKG_VERSION")) });
        let set = |o: &mut Value, k: &str, v: Option<Value>| {
            if let (Some(v), Some(m)) = (v, o.as_object_mut()) {
                m.insert(k.to_owned(), v);
            }
        };
        set(&mut o, "api_key", self.api_key.clone().map(Value::from));
        set(
            &mut o,
            "api_secret",
            self.api_secret.clone().map(Value::from),
        );
        if app {
            set(
                &mut o,
                "application_id",
                self.application_id.clone().map(Value::from),
            );
            set(&mut o, "private_key", private_key.map(Value::from));
        }
        set(&mut o, "api_url", self.api_url.clone().map(Value::from));
        set(&mut o, "timeout", self.timeout.map(Value::from));
        OpenTok::from_json(o)
    }
}

/// Exit code for a core error: 2 when the arguments were wrong, 1 otherwise.
fn exit_code(e: &Error) -> u8 {
    match e {
        Error::InvalidArgument { .. } => 2,
        _ => 1,
    }
}

/// Reports an error on stderr: kind, then field or HTTP status and the server's message.
fn report(e: &Error) -> ExitCode {
    let mut msg = format!("opentok: error [{}]: {e}", e.kind());
    if let Some(api) = e.api() {
        msg.push_str(&format!("\n  status: {}", api.status));
        msg.push_str(&format!("\n  server message: {}", api.message));
    }
    if let Some(field) = e.field() {
        msg.push_str(&format!("\n  field: {field}"));
        if matches!(
            field,
            "api_key" | "api_secret" | "private_key" | "credentials"
        ) {
            msg.push_str(
                "\n  hint: set OPENTOK_API_KEY and OPENTOK_API_SECRET (or --api-key/--api-secret), \
                 or --application-id with --private-key-file",
            );
        }
    }
    eprintln!("{msg}");
    ExitCode::from(exit_code(e))
}

fn runtime() -> Result<tokio::runtime::Runtime, Error> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::Network(format!("cannot start the async runtime: {e}")))
}

async fn run_call(client: &OpenTok, mut c: Call) -> Result<Value, Error> {
    if c.mint_token {
        let sid = c
            .args
            .get("session_id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let token = client.generate_token(
            &sid,
            &TokenOptions {
                role: Role::Moderator,
                ..Default::default()
            },
        )?;
        if let Some(m) = c.args.as_object_mut() {
            m.insert("token".into(), token.into());
        }
    }
    if c.all {
        opentok_core::call_all(client, &c.op, c.args).await
    } else {
        opentok_core::call(client, &c.op, c.args).await
    }
}

fn token(g: &Global, t: commands::TokenArgs) -> Result<(), Error> {
    let client = g.client()?;
    let role: Role = match &t.role {
        Some(r) => r.parse()?,
        None => Role::default(),
    };
    let opts = TokenOptions {
        role,
        expire_time: t.expire_time,
        data: t.data,
        initial_layout_class_list: t.layout_class,
        token_type: if t.t1 { TokenType::T1 } else { TokenType::Jwt },
        ..Default::default()
    };
    let token = client.generate_token(&t.session_id, &opts)?;
    if t.raw {
        output::line(&token);
        return Ok(());
    }
    let v = json!({
        "token": token,
        "sessionId": t.session_id,
        "role": role.as_str(),
        "tokenType": if t.t1 { "T1" } else { "JWT" },
        "expireTime": opts.expire_time,
    });
    output::print(&v, g.pretty);
    Ok(())
}

fn operations(pretty: bool) {
    let rows: Vec<Value> = opentok_core::OPERATIONS
        .iter()
        .map(|op| {
            let cmd = COMMANDS
                .iter()
                .find(|(o, _)| o == op)
                .map(|(_, c)| format!("opentok {c}"));
            json!({ "operation": op, "command": cmd })
        })
        .collect();
    output::print(&Value::Array(rows), pretty);
}

fn emulator(g: &Global, a: commands::EmulatorArgs) -> Result<(), Error> {
    let opts = opentok_emulator::CliOptions {
        port: a.port,
        host: a.host,
        api_key: g
            .api_key
            .clone()
            .unwrap_or_else(|| opentok_emulator::DEFAULT_API_KEY.to_owned()),
        api_secret: g
            .api_secret
            .clone()
            .unwrap_or_else(|| opentok_emulator::DEFAULT_API_SECRET.to_owned()),
        application_id: a.public_key.as_ref().and(g.application_id.clone()),
        public_key: a.public_key.clone(),
        no_admin: a.no_admin,
        callbacks: a.callbacks,
    };
    if opts.public_key.is_some() && opts.application_id.is_none() {
        return Err(Error::invalid(
            "application_id",
            "--public-key needs --application-id",
        ));
    }
    runtime()?
        .block_on(opentok_emulator::run(opts))
        .map_err(|e| Error::Network(format!("emulator: {e}")))
}

fn run(cli: Cli) -> Result<(), Error> {
    let g = cli.global;
    match cli.cmd {
        Cmd::Token(t) => token(&g, t),
        Cmd::Operations => {
            operations(g.pretty);
            Ok(())
        }
        Cmd::Emulator(a) => emulator(&g, a),
        Cmd::Demo => runtime()?.block_on(demo::run(&g)),
        Cmd::Callback(commands::CallbackCmd::Listen(a)) => runtime()?
            .block_on(webhooks::listen(a))
            .map_err(|e| Error::Network(format!("callback listen: {e}"))),
        Cmd::Callback(commands::CallbackCmd::Verify(a)) => {
            let code = webhooks::verify(a);
            if code != ExitCode::SUCCESS {
                std::process::exit(1);
            }
            Ok(())
        }
        Cmd::Call(c) => {
            let args = match &c.args {
                Some(s) => serde_json::from_str(s)
                    .map_err(|e| Error::invalid("args", format!("is not valid JSON: {e}")))?,
                None => json!({}),
            };
            let call = Call {
                op: c.op,
                args,
                all: c.all,
                mint_token: false,
            };
            let client = g.client()?;
            let v = runtime()?.block_on(run_call(&client, call))?;
            output::print(&v, g.pretty);
            Ok(())
        }
        other => {
            let Some(call) = commands::plan(other) else {
                return Err(Error::invalid("command", "not an operation"));
            };
            let client = g.client()?;
            let v = runtime()?.block_on(run_call(&client, call))?;
            output::print(&v, g.pretty);
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => report(&e),
    }
}

/// The clap command tree (used by tests).
#[allow(dead_code)]
fn command() -> clap::Command {
    Cli::command()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_argv(usage: &str) -> Vec<String> {
        let mut v = vec!["opentok".to_owned()];
        for w in usage.split_whitespace() {
            let placeholder = w
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c == '=');
            v.push(if placeholder {
                "x=y".to_owned()
            } else {
                w.to_owned()
            });
        }
        v
    }

    #[test]
    fn every_operation_has_a_dedicated_subcommand_that_runs_it() {
        assert_eq!(opentok_core::OPERATIONS.len(), 40);
        assert_eq!(COMMANDS.len(), opentok_core::OPERATIONS.len());
        for op in opentok_core::OPERATIONS {
            let (_, usage) = COMMANDS
                .iter()
                .find(|(o, _)| o == op)
                .unwrap_or_else(|| panic!("no subcommand for {op}"));
            let cli = Cli::try_parse_from(sample_argv(usage))
                .unwrap_or_else(|e| panic!("`opentok {usage}` does not parse: {e}"));
            let call =
                commands::plan(cli.cmd).unwrap_or_else(|| panic!("`{usage}` is not an operation"));
            assert_eq!(
                call.op, *op,
                "`opentok {usage}` runs {} instead of {op}",
                call.op
            );
        }
    }

    #[test]
    fn command_tree_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn builds_snake_case_args() {
        let cli = Cli::try_parse_from([
            "opentok",
            "archive",
            "start",
            "S",
            "--layout",
            "bestFit",
            "--screenshare-type",
            "pip",
            "--has-audio",
            "false",
            "--transcription-language",
            "en-US",
        ])
        .unwrap();
        let c = commands::plan(cli.cmd).unwrap();
        assert_eq!(
            c.args,
            json!({"session_id": "S", "has_audio": false,
                   "layout": {"type": "bestFit", "screenshare_type": "pip"},
                   "transcription_properties": {"primary_language_code": "en-US"}})
        );
        let cli = Cli::try_parse_from([
            "opentok",
            "broadcast",
            "start",
            "S",
            "--hls",
            "--rtmp",
            "rtmp://a/b",
            "key",
            "--rtmp",
            "rtmp://c/d",
            "key2",
        ])
        .unwrap();
        let c = commands::plan(cli.cmd).unwrap();
        assert_eq!(
            c.args["outputs"],
            json!({"hls": {}, "rtmp": [{"server_url": "rtmp://a/b", "stream_name": "key"},
                                       {"server_url": "rtmp://c/d", "stream_name": "key2"}]})
        );
        let cli = Cli::try_parse_from([
            "opentok", "stream", "layout", "S", "--stream", "a=x,y", "--stream", "b=",
        ])
        .unwrap();
        let c = commands::plan(cli.cmd).unwrap();
        assert_eq!(
            c.args["items"],
            json!([{"id": "a", "layout_class_list": ["x", "y"]}, {"id": "b", "layout_class_list": []}])
        );
        let cli = Cli::try_parse_from(["opentok", "sip", "dial", "S", "sip:a@b"]).unwrap();
        assert!(commands::plan(cli.cmd).unwrap().mint_token);
    }
}
