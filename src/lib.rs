//! Peace Plan Sandbox in the browser: a Yew app over the `scoring` core. Browser calls live only
//! in `browser`; the reducer in `state` is pure and tested natively.

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
pub mod browser;
pub mod components;
pub mod loader;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod protocol;
pub mod qr;
pub mod state;
pub mod text;
pub mod worker;
