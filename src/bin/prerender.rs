//! Build step (Trunk's post-build hook): writes the default page's header, rendered by Yew's
//! server renderer, in place of the `<!-- prerender:header -->` marker of `DIR/index.html`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: prerender DIST_DIR");
        return ExitCode::FAILURE;
    };
    let path = std::path::Path::new(&dir).join("index.html");
    match run(&path) {
        Ok(bytes) => {
            println!(
                "prerender: the default header ({bytes} bytes) is in {}",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {}: {message}", path.display());
            ExitCode::FAILURE
        }
    }
}

const MARKER: &str = "<!-- prerender:header -->";

fn run(path: &std::path::Path) -> Result<usize, String> {
    let page = std::fs::read_to_string(path).map_err(|error| error.to_string())?;
    if page.matches(MARKER).count() != 1 {
        return Err(format!("expected the marker {MARKER} exactly once"));
    }
    let header = peace_plan_sandbox::prerender::default_header()?;
    std::fs::write(path, page.replace(MARKER, &header)).map_err(|error| error.to_string())?;
    Ok(header.len())
}
