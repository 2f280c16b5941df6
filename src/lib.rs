//! Peace Plan Sandbox in the browser: two Yew apps over the `scoring` core, the page's (`app`)
//! and the panels' (`panels`), each its own wasm, and the analysis worker (`worker`). Browser
//! calls live only in `browser`; the reducer in `state` is pure and tested natively.

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
pub mod browser;
pub mod components;
pub mod loader;
pub mod panels;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod protocol;
pub mod qr;
pub mod state;
pub mod text;
pub mod worker;
