//! The only module that touches the browser: the URL fragment, history, the clipboard, the
//! popstate listener, the panic banner and the panels' notice, and the events the page's two
//! apps talk through. Every call tolerates a missing or failing API.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The URL's fragment without `#` ("" when there is none).
pub fn fragment() -> String {
    window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Whether the page was opened with the `?panic-test` query, the end-to-end test's way of
/// checking the panic banner. The query is not part of the share-link format.
pub fn panic_test_requested() -> bool {
    window()
        .and_then(|window| window.location().search().ok())
        .is_some_and(|search| search == "?panic-test")
}

/// The full URL of the page with `body` as its fragment, for copying.
pub fn url_with_fragment(body: &str) -> String {
    let base = window()
        .and_then(|window| window.location().href().ok())
        .map(|href| match href.find('#') {
            Some(hash) => href[..hash].to_string(),
            None => href,
        })
        .unwrap_or_default();
    format!("{base}#{body}")
}

thread_local! {
    /// The latest fragment waiting to replace the address bar's (see `write_fragment`).
    static PENDING: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The timer that writes `PENDING` once the reader pauses; replacing it restarts the wait.
    static QUIET: std::cell::RefCell<Option<gloo_timers::callback::Timeout>> = const { std::cell::RefCell::new(None) };
    /// Whether the listeners of `flush_on_input` are installed.
    static FLUSH_LISTENERS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Whether what the page app draws is a rehearsal (app.rs), not to be published.
    static UNSEEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Marks what the page app draws from now on as a rehearsal, which `publish` tells no one;
/// with `false`, marks it over (`#root[data-rehearsed]`, which the tests wait for).
pub fn set_unseen(unseen: bool) {
    UNSEEN.with(|flag| flag.set(unseen));
    if !unseen {
        keep_on_root("rehearsed", Some(""));
    }
}

/// Calls `then` once the browser is idle (a requestIdleCallback callback); never where the
/// browser has no such callback.
pub fn when_idle(then: impl FnOnce() + 'static) {
    if let Some(window) = window() {
        let _ = window.request_idle_callback(Closure::once_into_js(then).unchecked_ref());
    }
}

/// Brings the page's style and layout up to date now (reading a size makes the browser do it).
pub fn lay_out() {
    if let Some(root) = element("root") {
        let _ = root
            .unchecked_into::<web_sys::HtmlElement>()
            .offset_height();
    }
}

/// Resolves in a later microtask of the same task: what was scheduled before it (Yew's
/// renders) has run, and nothing has been painted.
pub async fn microtask() {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(
        &wasm_bindgen::JsValue::NULL,
    ))
    .await;
}

/// Writes `#body` into the address bar: replacing the current history entry, or pushing a new
/// one for deliberate steps. A replacement waits until the reader has paused for
/// `QUIET_MS`, and only the last of a burst is written: `history.replaceState` makes Chromium
/// bring style up to date at once (1–4 ms), and the browser process then spends about 9 ms on
/// the entry, during which the click's frame waits to be shown (measured: the median click
/// at 1× took 40 ms with the write after the frame's paint, 32 ms without it). Any press of a
/// key or pointer writes the waiting replacement first, so whatever reads the address next
/// (undo, a copy, a classroom view) sees the latest state. A push writes any waiting
/// replacement first, so the entry it leaves keeps its latest state.
pub fn write_fragment(body: &str, push: bool) {
    if push {
        flush_fragment();
        write_now(body, true);
        return;
    }
    PENDING.with(|pending| pending.replace(Some(body.to_string())));
    flush_on_input();
    // Dropping the previous timer cancels it: only a pause of QUIET_MS writes.
    let timer = gloo_timers::callback::Timeout::new(QUIET_MS, flush_fragment);
    QUIET.with(|quiet| quiet.replace(Some(timer)));
}

/// How long the address bar waits for a pause before taking a replacement: longer than a
/// frame, shorter than a person's pause between two clicks.
const QUIET_MS: u32 = 120;

/// Installs, once, the capture listeners that write a waiting replacement before any key or
/// pointer press and before the page is left.
fn flush_on_input() {
    let installed = FLUSH_LISTENERS.with(|installed| installed.replace(true));
    if installed {
        return;
    }
    let Some(window) = window() else { return };
    let closure = Closure::<dyn Fn()>::new(flush_fragment);
    let function = closure.as_ref().unchecked_ref::<js_sys::Function>();
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_passive(true);
    for event in ["pointerdown", "keydown", "pagehide"] {
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            event, function, &options,
        );
    }
    // The page's whole life: the listeners are never removed.
    closure.forget();
}

/// Writes the waiting replacement, if any, now.
pub fn flush_fragment() {
    if let Some(body) = PENDING.with(|pending| pending.borrow_mut().take()) {
        write_now(&body, false);
    }
}

fn write_now(body: &str, push: bool) {
    let Some(window) = window() else { return };
    if fragment() == body {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    let url = format!("#{body}");
    let result = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if result.is_err() {
        web_sys::console::warn_1(&"could not update the address bar".into());
    }
}

/// Calls `on_change` with the new fragment whenever the user goes back or forward (or edits the
/// fragment by hand). The listener lives as long as the returned guard.
pub fn listen_for_navigation(on_change: impl Fn(String) + 'static) -> Option<NavigationListener> {
    let window = window()?;
    let closure = Closure::<dyn Fn()>::new(move || {
        // The entry changed under a waiting replacement: it belonged to the entry left behind.
        PENDING.with(|pending| pending.borrow_mut().take());
        on_change(fragment())
    });
    let function = closure.as_ref().unchecked_ref::<js_sys::Function>().clone();
    window
        .add_event_listener_with_callback("popstate", &function)
        .ok()?;
    window
        .add_event_listener_with_callback("hashchange", &function)
        .ok()?;
    Some(NavigationListener { closure })
}

/// Calls `on_message` with each text message posted to the window that is not a view this page
/// posted (`www/classroom.js` and `www/qr.js` ask for views this way). Any window may post one; a request
/// only makes the worker build a view, which goes to this page's own origin alone (and the
/// script uses a pasted column only when its reader pasted). The listener lives as long as
/// the returned guard.
pub fn listen_for_messages(on_message: impl Fn(String) + 'static) -> Option<MessageListener> {
    let window = window()?;
    let closure =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if let Some(text) = event
                .data()
                .as_string()
                .filter(|text| !text.starts_with('{'))
            {
                on_message(text)
            }
        });
    window
        .add_event_listener_with_callback("message", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(MessageListener { closure })
}

/// Removes a [`listen_for_messages`] listener when dropped.
pub struct MessageListener {
    closure: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl Drop for MessageListener {
    fn drop(&mut self) {
        if let Some(window) = window() {
            let _ = window.remove_event_listener_with_callback(
                "message",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Posts `text` to the page's own scripts (a classroom view's JSON, for `www/classroom.js`).
pub fn post_message(text: &str) {
    if let Some(window) = window()
        && let Ok(origin) = window.location().origin()
    {
        let _ = window.post_message(&wasm_bindgen::JsValue::from_str(text), &origin);
    }
}

/// Removes the navigation listeners when dropped.
pub struct NavigationListener {
    closure: Closure<dyn Fn()>,
}

impl Drop for NavigationListener {
    fn drop(&mut self) {
        if let Some(window) = window() {
            let function = self.closure.as_ref().unchecked_ref::<js_sys::Function>();
            let _ = window.remove_event_listener_with_callback("popstate", function);
            let _ = window.remove_event_listener_with_callback("hashchange", function);
        }
    }
}

/// Copies `text` to the clipboard. Resolves to false where the Clipboard API is missing or the
/// browser refuses, so the caller can show the link for manual copying instead.
pub async fn copy_to_clipboard(text: String) -> bool {
    let Some(window) = window() else { return false };
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .is_ok()
}

/// Sets a `<select>`'s value. Yew controls `value` only on inputs and text areas, and once a
/// user has picked an option its `selected` attribute no longer moves the selection.
pub fn set_select_value(node: &yew::NodeRef, value: &str) {
    if let Some(select) = node.cast::<web_sys::HtmlSelectElement>()
        && select.value() != value
    {
        select.set_value(value);
    }
}

/// Moves keyboard focus to the element with `id`, if it exists.
pub fn focus(id: &str) {
    if let Some(element) = window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Installs the panic hook of a Yew app: the message goes to the console and to `show` (the
/// page app's error banner, or the panels' notice).
pub fn on_panic(show: fn(&str)) {
    yew::set_custom_panic_hook(Box::new(move |info| {
        let message = format!("{info}");
        web_sys::console::error_1(&message.clone().into());
        show(&message);
    }));
}

/// Shows the static error banner of index.html with `message` (as text, never markup). Used by
/// the panic hook, when the app can no longer render.
pub fn show_fatal_error(message: &str) {
    let Some(document) = window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(detail) = document.get_element_by_id("fatal-detail") {
        detail.set_text_content(Some(message));
    }
    if let Some(banner) = document.get_element_by_id("fatal") {
        let _ = banner.remove_attribute("hidden");
    }
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("aria-hidden", "true");
    }
}

/// Whether the window matches a CSS media query now (false where it cannot be asked).
pub fn matches_media(query: &str) -> bool {
    window()
        .and_then(|window| window.match_media(query).ok().flatten())
        .is_some_and(|list| list.matches())
}

/// Calls `then` in the next frame, before its rendering (a requestAnimationFrame callback):
/// what it changes is drawn in that frame, once.
pub fn in_next_frame(then: impl FnOnce() + 'static) {
    if let Some(window) = window() {
        let _ = window.request_animation_frame(Closure::once_into_js(then).unchecked_ref());
    }
}

/// Resolves after the next frame has been painted: a task queued from requestAnimationFrame
/// runs after that frame's rendering. Heavy work started after it never delays the paint of
/// the click that caused it. Falls back to a plain task where frames are unavailable.
pub async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let Some(window) = window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let schedule = Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        });
        if window
            .request_animation_frame(schedule.unchecked_ref())
            .is_err()
        {
            web_sys::console::warn_1(&"requestAnimationFrame is unavailable".into());
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(feature = "bench")]
/// Whether the page was opened with `?bench-analysis`, the benchmark script's way of timing
/// the analysis inside the browser's worker. Not part of the share-link format.
pub fn bench_requested() -> bool {
    window()
        .and_then(|window| window.location().search().ok())
        .is_some_and(|search| search == "?bench-analysis")
}

#[cfg(feature = "bench")]
/// Publishes benchmark results as the text of a `<pre id="bench">` for the script to read.
pub fn publish_bench(text: &str) {
    let Some(document) = window().and_then(|window| window.document()) else {
        return;
    };
    if let Ok(pre) = document.create_element("pre") {
        pre.set_id("bench");
        pre.set_text_content(Some(text));
        if let Some(body) = document.body() {
            let _ = body.append_child(&pre);
        }
    }
}

/// Fetches `path` (relative to the page) from the page's own origin and returns its bytes, or
/// a short reason for the failure (offline, not found, a policy that blocks it).
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    fetch_with(path, None).await
}

/// Like [`fetch_bytes`], for a file the page may preload (`<link rel="preload" as="fetch">`,
/// which `www/boot.js` adds for the current model after the first paint):
/// the request then carries the preload's integrity, since a browser hands a preloaded
/// response only to a request with the same integrity, and checks it.
pub async fn fetch_preloaded(path: &str) -> Result<Vec<u8>, String> {
    let integrity = window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector_all("link[rel=preload][as=fetch][integrity]")
                .ok()
        })
        .and_then(|links| {
            (0..links.length())
                .filter_map(|index| links.item(index)?.dyn_into::<web_sys::Element>().ok())
                .find(|link| {
                    link.get_attribute("href")
                        .is_some_and(|href| href.trim_start_matches("./") == path)
                })
                .and_then(|link| link.get_attribute("integrity"))
        });
    match integrity {
        // A browser reports a response that fails its integrity as a failed fetch; fetched
        // again without it, a damaged file reaches the model's own hash check, which names
        // the problem instead of blaming the connection.
        Some(integrity) => match fetch_with(path, Some(&integrity)).await {
            Ok(bytes) => Ok(bytes),
            Err(_) => fetch_with(path, None).await,
        },
        None => fetch_with(path, None).await,
    }
}

async fn fetch_with(path: &str, integrity: Option<&str>) -> Result<Vec<u8>, String> {
    let window = window().ok_or_else(|| "no window".to_string())?;
    let request = match integrity {
        Some(integrity) => {
            let init = web_sys::RequestInit::new();
            init.set_integrity(integrity);
            window.fetch_with_str_and_init(path, &init)
        }
        None => window.fetch_with_str(path),
    };
    let response = wasm_bindgen_futures::JsFuture::from(request)
        .await
        .map_err(|error| describe_js_error(&error))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the fetch did not return a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|error| describe_js_error(&error))?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer)
        .await
        .map_err(|error| describe_js_error(&error))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn describe_js_error(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the request failed".to_string())
}

/// Moves focus to `id` once the next frame is painted (after the render that creates it).
/// (One type of id, not a generic one: each instance of the future costs the page's wasm.)
pub fn focus_soon(id: std::borrow::Cow<'static, str>) {
    wasm_bindgen_futures::spawn_local(async move {
        after_next_paint().await;
        focus(&id);
    });
}

/// Removes the first-paint skeleton of index.html once the app has drawn. Yew runs effects a
/// task after the render, so style.css hides it from the app's first frame on; this only
/// drops it from the document.
pub fn hide_skeleton() {
    if let Some(skeleton) = window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("skeleton"))
    {
        skeleton.remove();
    }
}

/// The text of the first file chosen in a file input, if any (read as UTF-8).
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Option<Result<String, String>> {
    let file = input.files()?.get(0)?;
    // A file of assumptions is a few kilobytes; anything far larger is not one.
    if file.size() > 1_000_000.0 {
        return Some(Err(format!(
            "{} is {} bytes; an assumptions file is a few kilobytes",
            file.name(),
            file.size() as u64
        )));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
    Some(
        text.map_err(|error| describe_js_error(&error))
            .and_then(|text| {
                text.as_string()
                    .ok_or_else(|| "the file is not text".to_string())
            }),
    )
}

// The page's two apps (ARCHITECTURE.md, "Two apps"): the page's own (`App`: header,
// provisions, balance) and the panels' (`panels::Panels`: the analysis, the assumptions
// editor, the footer), a second wasm loaded once the first has drawn. They share no memory and
// talk through events on the window, dispatched synchronously, so what one app says in a
// click's task the other can draw in the same frame (the panels follow a change a frame later,
// by choice: `panels::Panels`). The page's link is the whole state they share.

/// The page app's state changed (its detail: the link's body, as the address bar will hold it,
/// and the assumed provisions: `Published`).
const STATE_EVENT: &str = "pps:state";
/// The panels ask the page app to change (its detail: `suggestion <link>`, `edits <link>` or
/// `close-explanation`).
const ACTION_EVENT: &str = "pps:action";
/// The panels' robustness bands (its detail: an array, the link they belong to, then each
/// party's 5 % and 95 % concession; the link alone when there are none).
const BANDS_EVENT: &str = "pps:bands";

fn dispatch_event(name: &str, detail: &wasm_bindgen::JsValue) {
    let Some(window) = window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Calls `on_event` with the detail of each `name` event on the window, as long as the
/// returned guard lives.
fn listen_for(
    name: &'static str,
    on_event: impl Fn(wasm_bindgen::JsValue) + 'static,
) -> Option<EventListener> {
    let window = window()?;
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Some(event) = event.dyn_ref::<web_sys::CustomEvent>() {
            on_event(event.detail())
        }
    });
    window
        .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
        .ok()?;
    Some(EventListener { name, closure })
}

/// Removes a window event listener when dropped.
pub struct EventListener {
    name: &'static str,
    closure: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for EventListener {
    fn drop(&mut self) {
        if let Some(window) = window() {
            let _ = window.remove_event_listener_with_callback(
                self.name,
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Keeps `value` on `#root` as `data-<name>` (takes it away for `None`): what one app says,
/// for the other to read when it starts after.
fn keep_on_root(name: &str, value: Option<&str>) {
    let Some(root) = element("root") else { return };
    let attribute = format!("data-{name}");
    let _ = match value {
        Some(value) => root.set_attribute(&attribute, value),
        None => root.remove_attribute(&attribute),
    };
}

/// What `keep_on_root` keeps as `data-<name>`, if anything.
fn kept_on_root(name: &str) -> Option<String> {
    element("root")?.get_attribute(&format!("data-{name}"))
}

/// The page's element with `id`, if there is one.
pub fn element(id: &str) -> Option<web_sys::Element> {
    window()?.document()?.get_element_by_id(id)
}

/// What the page app has on screen, as the panels follow it: its link, and which provisions
/// are assumed (a text applied on top changes where a choice comes from, which no link says).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub link: String,
    /// The assumed provisions' indices, each followed by a comma.
    pub assumed: String,
}

/// The page app says what is on screen, kept on `#root` (`data-link`, `data-assumed`) for the
/// panels that start later, and sent to those running.
pub fn publish(published: &Published) {
    if UNSEEN.with(|flag| flag.get()) {
        return;
    }
    keep_on_root("link", Some(&published.link));
    keep_on_root("assumed", Some(&published.assumed));
    let detail = js_sys::Array::of2(
        &wasm_bindgen::JsValue::from_str(&published.link),
        &wasm_bindgen::JsValue::from_str(&published.assumed),
    );
    dispatch_event(STATE_EVENT, &detail);
}

/// What the page app last published, if it has drawn.
pub fn published() -> Option<Published> {
    Some(Published {
        link: kept_on_root("link")?,
        assumed: kept_on_root("assumed").unwrap_or_default(),
    })
}

/// Calls `on_state` with each state the page app publishes.
pub fn listen_for_states(on_state: impl Fn(Published) + 'static) -> Option<EventListener> {
    listen_for(STATE_EVENT, move |detail| {
        let Ok(array) = detail.dyn_into::<js_sys::Array>() else {
            return;
        };
        if let (Some(link), Some(assumed)) = (array.get(0).as_string(), array.get(1).as_string()) {
            on_state(Published { link, assumed })
        }
    })
}

/// The page app drew the elements of its balance panel that it leaves to the panels (after a
/// mount, such as a new model's page or a phone's balance drawn with the last issues): kept
/// as a count on `#root` (`data-hosts`) and sent, so that the panels draw into the new ones.
const HOSTS_EVENT: &str = "pps:hosts";

pub fn announce_hosts() {
    let count = published_hosts() + 1;
    keep_on_root("hosts", Some(&count.to_string()));
    dispatch_event(HOSTS_EVENT, &(count as f64).into());
}

/// How many times the page app has drawn the hosts (0: not yet).
pub fn published_hosts() -> u32 {
    kept_on_root("hosts")
        .and_then(|count| count.parse().ok())
        .unwrap_or(0)
}

/// Calls `on_hosts` with the count each time the page app draws the hosts anew.
pub fn listen_for_hosts(on_hosts: impl Fn(u32) + 'static) -> Option<EventListener> {
    listen_for(HOSTS_EVENT, move |detail| {
        if let Some(count) = detail.as_f64() {
            on_hosts(count as u32)
        }
    })
}

/// The page app has drawn its first render whole: the panels may start (`www/boot.js` waits for
/// `#root[data-drawn]`).
pub fn mark_drawn() {
    keep_on_root("drawn", Some(""));
}

/// A change the panels ask of the page app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Open the link's package as a new history entry (a suggested package).
    Suggestion(String),
    /// Score under the link's assumptions (edited ones).
    Edits(String),
    /// Close the explanation of a party's value (its button is the panels').
    CloseExplanation,
}

/// The panels ask the page app for a change.
pub fn ask_page(ask: &Ask) {
    let text = match ask {
        Ask::Suggestion(link) => format!("suggestion {link}"),
        Ask::Edits(link) => format!("edits {link}"),
        Ask::CloseExplanation => "close-explanation".to_string(),
    };
    dispatch_event(ACTION_EVENT, &wasm_bindgen::JsValue::from_str(&text));
}

/// Calls `on_ask` with each change the panels ask for.
pub fn listen_for_asks(on_ask: impl Fn(Ask) + 'static) -> Option<EventListener> {
    listen_for(ACTION_EVENT, move |detail| {
        let Some(text) = detail.as_string() else {
            return;
        };
        let (word, link) = text.split_once(' ').unwrap_or((&text, ""));
        let ask = match word {
            "suggestion" => Ask::Suggestion(link.to_string()),
            "edits" => Ask::Edits(link.to_string()),
            "close-explanation" => Ask::CloseExplanation,
            _ => return,
        };
        on_ask(ask)
    })
}

/// The party whose value the page app's reader asked to see explained (the panels draw the
/// explanation): kept on `#root` (`data-explained`) and sent to the panels.
const EXPLAIN_EVENT: &str = "pps:explain";

pub fn publish_explained(party: Option<usize>) {
    keep_on_root("explained", party.map(|party| party.to_string()).as_deref());
    let detail = party.map_or(wasm_bindgen::JsValue::NULL, |party| (party as f64).into());
    dispatch_event(EXPLAIN_EVENT, &detail);
}

/// The party the page app last asked to explain.
pub fn published_explained() -> Option<usize> {
    kept_on_root("explained")?.parse().ok()
}

/// Calls `on_party` with each party the page app asks to explain (`None`: none).
pub fn listen_for_explained(on_party: impl Fn(Option<usize>) + 'static) -> Option<EventListener> {
    listen_for(EXPLAIN_EVENT, move |detail| {
        on_party(detail.as_f64().map(|party| party as usize))
    })
}

/// The panels send each party's 5–95 % concession band for the package of `link` (none:
/// not computed yet).
pub fn publish_bands(link: &str, bands: &[(f64, f64)]) {
    let detail = js_sys::Array::new();
    detail.push(&wasm_bindgen::JsValue::from_str(link));
    for &(p5, p95) in bands {
        detail.push(&p5.into());
        detail.push(&p95.into());
    }
    dispatch_event(BANDS_EVENT, &detail);
}

/// Calls `on_bands` with each set of bands the panels send: the link they belong to, and
/// each party's band.
pub fn listen_for_bands(
    on_bands: impl Fn(String, Vec<(f64, f64)>) + 'static,
) -> Option<EventListener> {
    listen_for(BANDS_EVENT, move |detail| {
        let Ok(array) = detail.dyn_into::<js_sys::Array>() else {
            return;
        };
        let Some(link) = array.get(0).as_string() else {
            return;
        };
        let numbers: Vec<f64> = (1..array.length())
            .filter_map(|index| array.get(index).as_f64())
            .collect();
        let bands = numbers
            .chunks_exact(2)
            .map(|pair| (pair[0], pair[1]))
            .collect();
        on_bands(link, bands)
    })
}

/// Says in the panels' place that they stopped (`#panels-failure` of index.html, as text),
/// while the page app above goes on scoring. Used by the panels' panic hook; `www/boot.js`
/// says the same when their files do not load.
pub fn show_panels_failure(message: &str) {
    let Some(document) = window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(detail) = document.get_element_by_id("panels-failure-detail") {
        detail.set_text_content(Some(message));
    }
    if let Some(notice) = document.get_element_by_id("panels-failure") {
        let _ = notice.remove_attribute("hidden");
    }
}

/// The panels ask the page app for a model file's bytes (its detail: an object with the
/// `version`; the page app adds `bytes` if it has read that file).
const MODEL_EVENT: &str = "pps:model";

/// Answers the panels' requests for a model file's bytes with `bytes_of(version)`, so that
/// the file the page app read is not fetched a second time.
pub fn listen_for_model_requests(
    bytes_of: impl Fn(&str) -> Option<Rc<Vec<u8>>> + 'static,
) -> Option<EventListener> {
    listen_for(MODEL_EVENT, move |detail| {
        let version = js_sys::Reflect::get(&detail, &"version".into())
            .ok()
            .and_then(|version| version.as_string());
        if let Some(bytes) = version.and_then(|version| bytes_of(&version)) {
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            let _ = js_sys::Reflect::set(&detail, &"bytes".into(), &array);
        }
    })
}

/// The bytes of model `version`'s file, if the page app has read it (see
/// [`listen_for_model_requests`]).
pub fn model_bytes_from_page(version: &str) -> Option<Vec<u8>> {
    let detail = js_sys::Object::new();
    js_sys::Reflect::set(&detail, &"version".into(), &version.into()).ok()?;
    dispatch_event(MODEL_EVENT, &detail);
    let bytes = js_sys::Reflect::get(&detail, &"bytes".into()).ok()?;
    bytes
        .dyn_into::<js_sys::Uint8Array>()
        .ok()
        .map(|bytes| bytes.to_vec())
}
