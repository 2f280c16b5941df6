//! The QR-code button and dialog: a modal with the current link as a QR code large enough to scan
//! from the back of a room, encoded by the analysis worker (no network, no encoder in the page's
//! wasm) and drawn here as SVG, and the link in text beside it. A function over the header's hooks, not a
//! component: each component costs the page's wasm about 2 KiB of Yew's generic code.

use yew::prelude::*;

use crate::browser;
use crate::components::analysis::QrDrawn;
use crate::text;

/// The header's state for the dialog: the link the open dialog shows (the package can change
/// behind it, by Back or Forward, and the code shown must always be this one's).
pub struct QrHooks {
    pub dialog: NodeRef,
    pub shown: UseStateHandle<String>,
}

#[hook]
pub fn use_qr() -> QrHooks {
    QrHooks {
        dialog: use_node_ref(),
        shown: use_state_eq(String::new),
    }
}

/// The button and its dialog for the link whose fragment body is `link`.
pub fn qr_dialog(
    hooks: &QrHooks,
    link: &str,
    drawn: Option<&QrDrawn>,
    request_qr: &Callback<String>,
    unavailable: Option<&String>,
) -> Html {
    let open = {
        let dialog = hooks.dialog.clone();
        let shown = hooks.shown.clone();
        let request_qr = request_qr.clone();
        let url = browser::phone_url_with_fragment(link);
        Callback::from(move |_: MouseEvent| {
            shown.set(url.clone());
            request_qr.emit(url.clone());
            browser::show_modal(&dialog);
        })
    };
    let close = {
        let dialog = hooks.dialog.clone();
        Callback::from(move |_: MouseEvent| browser::close_dialog(&dialog))
    };
    let drawn = drawn
        .filter(|drawn| drawn.0 == *hooks.shown)
        .map(|drawn| &drawn.1);
    let code = match (drawn, unavailable) {
        (Some(Ok(code)), _) => {
            let size = code.size.to_string();
            html! {
                <svg viewBox={format!("0 0 {size} {size}")} shape-rendering="crispEdges" role="img" aria-label={text::QR_IMAGE}>
                    <rect width={size.clone()} height={size} fill="#fff" />
                    <path fill="#000" d={code.path.clone()} />
                </svg>
            }
        }
        (Some(Err(reason)), _) => html! { <p role="alert">{ reason }</p> },
        (None, Some(reason)) => {
            html! { <p role="alert">{ text::QR_UNAVAILABLE }{ " " }{ reason }</p> }
        }
        (None, None) => html! { <p>{ text::QR_MAKING }</p> },
    };
    html! {
        <>
            <button type="button" class="button-secondary" id="qr-button" aria-haspopup="dialog" onclick={open}>{ text::QR_BUTTON }</button>
            <dialog class="qr-dialog" ref={hooks.dialog.clone()} aria-labelledby="qr-heading" data-testid="qr-dialog">
                <h2 id="qr-heading">{ text::QR_HEADING }</h2>
                <div class="qr-code" data-testid="qr-code" aria-busy={drawn.is_none().to_string()}>{ code }</div>
                <p class="qr-link">{ text::QR_LINK }{ " " }<code data-testid="qr-link">{ (*hooks.shown).clone() }</code></p>
                <button type="button" class="button-primary" onclick={close}>{ text::CLOSE }</button>
            </dialog>
        </>
    }
}
