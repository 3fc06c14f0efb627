//! `baobab`: the e-commerce portal server and its admin commands.

mod catalog_cli;
mod config;
mod config_base;
mod config_checkout;
mod demo;
mod reprocess;
mod server;

use std::path::PathBuf;
use std::process::ExitCode;

use baobab_domain::auth::Role;
use clap::{Args, Parser, Subcommand};

use crate::config::{Config, Overrides};

/// Baobab: an e-commerce portal for shops selling across Africa.
///
/// With no command, `baobab` serves the shop (same as `baobab serve`). Configuration comes from
/// a TOML file (`--config`), then `BAOBAB_*` environment variables, then flags.
#[derive(Parser, Debug)]
#[command(name = "baobab", version, about, long_about)]
struct Cli {
    /// TOML configuration file.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Data directory of the embedded default (SQLite file and media) [env: BAOBAB_DATA_DIR] [default: ./data]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the storefront, the API and the health endpoints (and /metrics on its own listener).
    Serve(ServeArgs),
    /// Apply database migrations (run once per release against PostgreSQL; safe to run concurrently).
    Migrate,
    /// Manage staff API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Manage product media.
    #[command(subcommand)]
    Media(MediaCommand),
    /// Manage staff accounts.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Import products from a Shopify or WooCommerce CSV, or catalog translations.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export products (Shopify CSV), catalog translations, or orders (one row per line, for
    /// accounting).
    #[command(subcommand)]
    Export(ExportCommand),
}

#[derive(Subcommand, Debug)]
enum ImportCommand {
    /// Check a product CSV and import it whole (or nothing, when any row has a problem).
    /// Importing the same file again updates the products it names (by handle, then SKU).
    Products {
        /// The CSV file (UTF-8, with or without a byte-order mark, or Windows-1252).
        file: PathBuf,
        /// Check the file and report every problem; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// auto, shopify or woocommerce.
        #[arg(long, default_value = "auto", value_parser = catalog_cli::parse_format)]
        format: baobab_import::Format,
        /// The currency of the file's prices [default: the shop's default currency].
        #[arg(long, value_parser = catalog_cli::parse_code)]
        currency: Option<baobab_domain::Currency>,
        /// Folder holding the images the file names by file name.
        #[arg(long, value_name = "DIR")]
        images: Option<PathBuf>,
        /// What tags become: attributes (`Name:Value` tags) or category (the first tag).
        #[arg(long, default_value = "attributes", value_parser = catalog_cli::parse_tags)]
        tags: baobab_import::TagsAs,
        /// Let image URLs point at loopback or private addresses (a file from a trusted source
        /// inside the network).
        #[arg(long)]
        allow_private_image_hosts: bool,
    },
    /// Check a translation CSV (Shopify's columns: Type, Identification, Field, Locale, Market,
    /// Status, Default content, Translated content) and import it whole, or nothing when any row
    /// has a problem. Products and categories are matched by handle or Baobab id; rows with an
    /// empty "Translated content" are skipped. Importing the same file again changes nothing.
    Translations {
        /// The CSV file (UTF-8).
        file: PathBuf,
        /// Check the file and report every problem; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand, Debug)]
enum ExportCommand {
    /// Every product, in Shopify's product CSV columns (importable again).
    Products {
        /// Prices in this currency [default: the shop's default currency].
        #[arg(long, value_parser = catalog_cli::parse_code)]
        currency: Option<baobab_domain::Currency>,
        /// Write here instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Orders, one row per line with the order's totals, tax, currency, payment method and status.
    Orders {
        /// Orders placed on or after this day (YYYY-MM-DD, UTC).
        #[arg(long, value_parser = catalog_cli::parse_date)]
        from: Option<chrono::NaiveDate>,
        /// Orders placed on or before this day (YYYY-MM-DD, UTC).
        #[arg(long, value_parser = catalog_cli::parse_date)]
        to: Option<chrono::NaiveDate>,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Every category's and product's translations, a row per field (empty where not yet
    /// translated), in the columns `import translations` reads.
    Translations {
        /// Only this language [default: every language the shop translates into].
        #[arg(long)]
        lang: Option<String>,
        /// Write here instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum StaffCommand {
    /// Create a staff account and print (and e-mail) a one-time link to choose its password;
    /// the member then sets up two-factor authentication at first admin login.
    Add {
        #[arg(long)]
        email: String,
        /// owner, catalog_manager, order_manager or support
        #[arg(long, value_parser = parse_staff_role)]
        role: baobab_domain::account::StaffRole,
        #[arg(long, default_value = "")]
        name: String,
    },
    /// List staff accounts.
    List,
}

fn parse_staff_role(s: &str) -> Result<baobab_domain::account::StaffRole, String> {
    baobab_domain::account::StaffRole::parse(s)
}

#[derive(Subcommand, Debug)]
enum MediaCommand {
    /// Make every image's variants again from its original (after a change of sizes); shows
    /// progress and a summary; an interrupted run resumes where it stopped.
    Reprocess {
        /// Start from the first image instead of resuming.
        #[arg(long)]
        restart: bool,
        /// Stop after this many images (run again to continue).
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
    },
}

#[derive(Args, Debug, Default)]
struct ServeArgs {
    /// Address for the shop [env: BAOBAB_LISTEN] [default: 127.0.0.1:8080]
    #[arg(long, value_name = "ADDR")]
    listen: Option<String>,
    /// Address for Prometheus /metrics [env: BAOBAB_METRICS_LISTEN] [default: 127.0.0.1:9090]
    #[arg(long, value_name = "ADDR")]
    metrics_listen: Option<String>,
    /// Do not seed the demo catalog on first start [env: BAOBAB_DEMO=false]
    #[arg(long)]
    no_demo: bool,
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Create a token and print it once (only its hash is stored).
    Create {
        /// A name saying who or what uses the token.
        #[arg(long)]
        name: String,
        /// What the token may do.
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// List tokens (never their secrets).
    List,
    /// Revoke a token by id.
    Revoke {
        /// The token's id, as `token list` shows it.
        id: i64,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let serve_args = match &cli.command {
        Some(Command::Serve(a)) => Some(a),
        None => None,
        _ => None,
    };
    let default_args = ServeArgs::default();
    let serving = matches!(cli.command, None | Some(Command::Serve(_)));
    let args = serve_args.unwrap_or(&default_args);
    let overrides = Overrides {
        data_dir: cli.data_dir.clone(),
        listen: args.listen.clone(),
        metrics_listen: args.metrics_listen.clone(),
        demo: args.no_demo.then_some(false),
    };
    let config = match config::load(cli.config.as_deref(), &overrides) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("baobab: {e}");
            return ExitCode::from(2);
        }
    };
    server::init_logging(&config, serving);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    let result = runtime.block_on(async {
        match cli.command {
            None | Some(Command::Serve(_)) => server::serve(config).await,
            Some(Command::Migrate) => migrate(config).await,
            Some(Command::Token(t)) => token(config, t).await,
            Some(Command::Media(MediaCommand::Reprocess { restart, limit })) => reprocess(config, restart, limit).await,
            Some(Command::Staff(cmd)) => staff(config, cmd).await,
            Some(Command::Import(cmd)) => import(config, cmd).await,
            Some(Command::Export(cmd)) => export(config, cmd).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("baobab: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(config: Config) -> anyhow::Result<()> {
    let store = server::open_store(&config).await?;
    store.migrate().await?;
    println!("migrations applied ({})", store.backend());
    store.close().await;
    Ok(())
}

async fn reprocess(config: Config, restart: bool, limit: Option<u64>) -> anyhow::Result<()> {
    let store = server::open_store(&config).await?;
    if config.sqlite {
        store.migrate().await?;
    }
    let media = server::open_media(&config)?;
    let summary = reprocess::run(store.as_ref(), &media, config.web.media_limits, restart, limit, &mut std::io::stderr()).await?;
    store.close().await;
    if summary.failed > 0 {
        anyhow::bail!("{} images could not be reprocessed", summary.failed);
    }
    Ok(())
}

async fn staff(config: Config, cmd: StaffCommand) -> anyhow::Result<()> {
    let store = server::open_store(&config).await?;
    if config.sqlite {
        store.migrate().await?;
    }
    match cmd {
        StaffCommand::Add { email, role, name } => {
            let media = std::sync::Arc::new(server::open_media(&config)?);
            let state = baobab_web::AppState::new(store.clone(), media, config.web.clone(), vec![]);
            let (user, link) = baobab_web::admin::invite_staff(&state, &email, role, &name).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{link}");
            eprintln!(
                "created staff account {} ({}) with role {}; the link above (also e-mailed) sets the password and works once, for 24 hours",
                user.id,
                user.email,
                role.as_str()
            );
        }
        StaffCommand::List => {
            println!("{:>4}  {:<32}  {:<16}  two-factor", "id", "email", "role");
            for u in store.users(baobab_domain::user::UserKind::Staff, 0, 500).await? {
                println!(
                    "{:>4}  {:<32}  {:<16}  {}",
                    u.id,
                    u.email,
                    u.staff_role.map(|r| r.as_str()).unwrap_or("-"),
                    if u.totp_enabled_at.is_some() { "on" } else { "not yet" }
                );
            }
        }
    }
    store.close().await;
    Ok(())
}

async fn token(config: Config, cmd: TokenCommand) -> anyhow::Result<()> {
    let store = server::open_store(&config).await?;
    if config.sqlite {
        store.migrate().await?;
    }
    match cmd {
        TokenCommand::Create { name, role } => {
            let (secret, hash) = baobab_web::auth::generate_token();
            let t = store.create_token(&name, role, &hash).await?;
            println!("{secret}");
            eprintln!("created token {} \"{}\" with role {}; store the value above now, it is not shown again", t.id, t.name, t.role);
        }
        TokenCommand::List => {
            println!("{:>4}  {:<24}  {:<8}  {:<20}  {:<20}  revoked", "id", "name", "role", "created", "last used");
            for t in store.tokens().await? {
                let fmt = |d: Option<chrono::DateTime<chrono::Utc>>| {
                    d.map(|d| d.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_else(|| "-".into())
                };
                println!(
                    "{:>4}  {:<24}  {:<8}  {:<20}  {:<20}  {}",
                    t.id,
                    t.name,
                    t.role,
                    fmt(Some(t.created_at)),
                    fmt(t.last_used_at),
                    fmt(t.revoked_at)
                );
            }
        }
        TokenCommand::Revoke { id } => {
            if store.revoke_token(id).await? {
                println!("revoked token {id}");
            } else {
                anyhow::bail!("no live token with id {id}");
            }
        }
    }
    store.close().await;
    Ok(())
}

/// The store (migrated when embedded) and an app state for commands that reuse the web layer.
async fn command_state(config: &Config) -> anyhow::Result<baobab_web::AppState> {
    let store = server::open_store(config).await?;
    if config.sqlite {
        store.migrate().await?;
    }
    let media = std::sync::Arc::new(server::open_media(config)?);
    Ok(baobab_web::AppState::new(store, media, config.web.clone(), vec![]))
}

async fn import(config: Config, cmd: ImportCommand) -> anyhow::Result<()> {
    let state = command_state(&config).await?;
    let (file, dry_run, format, currency, images, tags, allow_private_image_hosts) = match cmd {
        ImportCommand::Products { file, dry_run, format, currency, images, tags, allow_private_image_hosts } => {
            (file, dry_run, format, currency, images, tags, allow_private_image_hosts)
        }
        ImportCommand::Translations { file, dry_run } => {
            let result = catalog_cli::import_translations(&state, file, dry_run).await;
            state.store.close().await;
            return result;
        }
    };
    let args = catalog_cli::ImportArgs { file, dry_run, format, currency, tags, images, allow_private_image_hosts };
    let result = catalog_cli::import(&state, args).await;
    state.store.close().await;
    result
}

async fn export(config: Config, cmd: ExportCommand) -> anyhow::Result<()> {
    let state = command_state(&config).await?;
    let out_path = match &cmd {
        ExportCommand::Products { out, .. } | ExportCommand::Orders { out, .. } | ExportCommand::Translations { out, .. } => out.clone(),
    };
    if let ExportCommand::Translations { lang: Some(l), .. } = &cmd
        && let Err(e) = baobab_web::catalog_io::translations::export_languages(&state, Some(l))
    {
        state.store.close().await;
        anyhow::bail!("--lang {e}");
    }
    let mut out: Box<dyn std::io::Write> = match &out_path {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let result = match cmd {
        ExportCommand::Products { currency, .. } => {
            catalog_cli::export_products(&state, currency, &mut out).await.map(|n| format!("{n} products"))
        }
        ExportCommand::Orders { from, to, .. } => {
            catalog_cli::export_orders(&state, from, to, &mut out).await.map(|n| format!("{n} orders"))
        }
        ExportCommand::Translations { lang, .. } => catalog_cli::export_translations(&state, lang.as_deref(), &mut out)
            .await
            .map(|(n, langs)| format!("{n} translations (items × languages: {})", langs.join(", "))),
    };
    drop(out);
    state.store.close().await;
    let what = result?;
    eprintln!("exported {what}{}", out_path.map(|p| format!(" to {}", p.display())).unwrap_or_default());
    Ok(())
}
