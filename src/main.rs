//! Entry point of the standalone app (what trunk builds and the inbox serves).

use tyokyky::{App, AppProps};

fn main() {
    let props = AppProps {
        owns_document: true,
        ..AppProps::default()
    };
    yew::Renderer::<App>::with_props(props).render();
}
