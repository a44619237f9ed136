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
