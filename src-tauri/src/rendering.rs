//! How the webview draws on Linux.
//!
//! WebKitGTK composites every page with OpenGL. On a machine with a GPU that is the fast path;
//! on one without (a virtual machine, a container, a remote X display, Xvfb) the OpenGL it gets
//! is a software rasteriser, and compositing the tall scrolling layers of the image and tag
//! lists costs 70–100 ms a frame: the lists stutter, and each layer's tiles hold their own
//! memory. Painting straight into the window instead keeps those lists at the display's frame
//! rate there. So the app draws without compositing when the machine has no GPU render node
//! (`/dev/dri/renderD*`), and composites otherwise.
//!
//! `SWR_CONSOLE_GPU=on|off` overrides the guess either way, and a
//! `WEBKIT_DISABLE_COMPOSITING_MODE` the user already set is left as it is.
//!
//! Painting without compositing also takes classic scrollbars instead of GTK's overlay ones
//! ([`settle`]). An overlay scrollbar fades out for about 2.5 s after every scroll and every
//! list that changes length (each new filter of a long list), and each frame of the fade repaints
//! the scrollbar; a frame that changes anything else too (a typed character) then repaints the
//! whole span between the two. In the filter of the 20,000-tag list, a keystroke repainted
//! 1017×579 pixels that way instead of the filter box's 420×32.

/// The variable that overrides the guess: `on` composites, `off` paints directly.
pub const GPU_ENV: &str = "SWR_CONSOLE_GPU";
/// WebKitGTK's own switch, read once when its first web view starts.
const WEBKIT_ENV: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Whether WebKit should composite, from what the machine offers and what the user asked.
/// `None` leaves WebKit's own choice alone.
pub fn composite(gpu_override: Option<&str>, webkit_set: bool, render_node: bool) -> Option<bool> {
    if webkit_set {
        return None;
    }
    match gpu_override
        .map(|value| value.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("on" | "1" | "true" | "yes") => Some(true),
        Some("off" | "0" | "false" | "no") => Some(false),
        _ => Some(render_node),
    }
}

/// Whether the machine has a GPU device that Mesa could render on.
#[cfg(target_os = "linux")]
fn has_render_node() -> bool {
    std::fs::read_dir("/dev/dri")
        .map(|entries| {
            entries
                .flatten()
                .any(|entry| entry.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false)
}

/// Sets WebKit's switch before the first web view exists. Call it first thing in `main`, while
/// the process has one thread.
#[cfg(target_os = "linux")]
pub fn choose() {
    let gpu = std::env::var(GPU_ENV).ok();
    let webkit_set = std::env::var_os(WEBKIT_ENV).is_some();
    if let Some(false) = composite(gpu.as_deref(), webkit_set, has_render_node()) {
        std::env::set_var(WEBKIT_ENV, "1");
        tracing::info!(
            "no GPU render node (or {GPU_ENV}=off): the webview paints without compositing"
        );
    }
}

/// Other systems composite through their own GPU stack; nothing to choose.
#[cfg(not(target_os = "linux"))]
pub fn choose() {}

/// Takes classic scrollbars when the webview paints without compositing, whoever asked for it
/// ([`choose`] or the user). Call it once GTK has started (in the app's setup), before the first
/// list scrolls.
#[cfg(target_os = "linux")]
pub fn settle() {
    use gtk::prelude::ObjectExt;
    const OVERLAY: &str = "gtk-overlay-scrolling";
    if std::env::var_os(WEBKIT_ENV).is_none() {
        return;
    }
    // The setting exists from GTK 3.24.9 on; an older GTK has only classic scrollbars anyway.
    if let Some(settings) = gtk::Settings::default().filter(|s| s.find_property(OVERLAY).is_some())
    {
        settings.set_property(OVERLAY, false);
    }
}

/// Elsewhere scrollbars are the system's own.
#[cfg(not(target_os = "linux"))]
pub fn settle() {}

#[cfg(test)]
mod tests {
    use super::composite;

    #[test]
    fn without_a_render_node_the_webview_paints_directly() {
        assert_eq!(composite(None, false, false), Some(false));
        assert_eq!(composite(None, false, true), Some(true));
    }

    #[test]
    fn the_user_override_wins_over_the_guess() {
        assert_eq!(composite(Some("on"), false, false), Some(true));
        assert_eq!(composite(Some(" OFF "), false, true), Some(false));
        // An unknown value is ignored rather than guessed at.
        assert_eq!(composite(Some("maybe"), false, true), Some(true));
    }

    #[test]
    fn webkit_s_own_switch_is_left_alone() {
        assert_eq!(composite(Some("off"), true, true), None);
        assert_eq!(composite(None, true, false), None);
    }
}
