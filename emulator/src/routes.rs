//! Every route the emulator serves: the REST API (each path's handler lives in the module of its
//! area) and the `/_emulator/…` admin routes, wrapped in the middleware layers.

use crate::state::AppState;
use crate::{
    admin, archives, audio_connector, broadcasts, callbacks, callbacks_admin, callbacks_events,
    captions, connections, middleware, moderation, renders, sessions, signals, sip, streams,
};
use axum::routing::{delete, get, patch, post, put, MethodRouter};
use axum::Router;

pub(crate) fn public_routes(st: &AppState) -> Router<AppState> {
    const P: &str = "/v2/project/{project}";
    // The auth layer wraps each method router (not its 405 fallback), so a wrong method answers
    // 405 before authentication, and unknown paths answer 404.
    let a = |mr: MethodRouter<AppState>| {
        mr.route_layer(axum::middleware::from_fn_with_state(
            st.clone(),
            middleware::auth,
        ))
    };
    Router::new()
        .route("/session/create", a(post(sessions::create_session)))
        .route(
            &format!("{P}/archive"),
            a(get(archives::list).post(archives::start)),
        )
        .route(
            &format!("{P}/archive/{{id}}"),
            a(get(archives::get).delete(archives::delete)),
        )
        .route(&format!("{P}/archive/{{id}}/stop"), a(post(archives::stop)))
        .route(
            &format!("{P}/archive/{{id}}/layout"),
            a(put(archives::layout)),
        )
        .route(
            &format!("{P}/archive/{{id}}/streams"),
            a(patch(archives::streams)),
        )
        .route(
            &format!("{P}/broadcast"),
            a(get(broadcasts::list).post(broadcasts::start)),
        )
        .route(
            &format!("{P}/broadcast/"),
            a(get(broadcasts::list).post(broadcasts::start)),
        )
        .route(&format!("{P}/broadcast/{{id}}"), a(get(broadcasts::get)))
        .route(
            &format!("{P}/broadcast/{{id}}/stop"),
            a(post(broadcasts::stop)),
        )
        .route(
            &format!("{P}/broadcast/{{id}}/layout"),
            a(put(broadcasts::layout)),
        )
        .route(
            &format!("{P}/broadcast/{{id}}/streams"),
            a(patch(broadcasts::streams)),
        )
        .route(
            &format!("{P}/session/{{sid}}/stream"),
            a(get(streams::list).put(streams::set_class_lists)),
        )
        .route(
            &format!("{P}/session/{{sid}}/stream/{{stream}}"),
            a(get(streams::get).put(streams::set_class_list)),
        )
        .route(
            &format!("{P}/session/{{sid}}/stream/{{stream}}/mute"),
            a(post(moderation::mute_stream)),
        )
        .route(
            &format!("{P}/session/{{sid}}/mute"),
            a(post(moderation::mute_all)),
        )
        .route(
            &format!("{P}/session/{{sid}}/connection"),
            a(get(connections::list)),
        )
        .route(
            &format!("{P}/session/{{sid}}/connection/{{cid}}"),
            a(delete(connections::force_disconnect)),
        )
        .route(
            &format!("{P}/session/{{sid}}/signal"),
            a(post(signals::signal_all)),
        )
        .route(
            &format!("{P}/session/{{sid}}/connection/{{cid}}/signal"),
            a(post(signals::signal_one)),
        )
        .route(
            &format!("{P}/session/{{sid}}/play-dtmf"),
            a(post(sip::dtmf_all)),
        )
        .route(
            &format!("{P}/session/{{sid}}/connection/{{cid}}/play-dtmf"),
            a(post(sip::dtmf_one)),
        )
        .route(&format!("{P}/dial"), a(post(sip::dial)))
        .route(
            &format!("{P}/render"),
            a(get(renders::list).post(renders::start)),
        )
        .route(
            &format!("{P}/render/{{id}}"),
            a(get(renders::get).delete(renders::stop)),
        )
        .route(&format!("{P}/connect"), a(post(audio_connector::connect)))
        .route(
            &format!("{P}/connect/{{id}}/stop"),
            a(post(audio_connector::stop)),
        )
        .route(&format!("{P}/captions"), a(post(captions::start)))
        .route(&format!("{P}/captions/{{id}}"), a(get(captions::get)))
        .route(
            &format!("{P}/captions/{{id}}/stop"),
            a(post(captions::stop)),
        )
        .route(
            &format!("{P}/callback"),
            a(get(callbacks::list).post(callbacks::register)),
        )
        .route(
            &format!("{P}/callback/{{id}}"),
            a(delete(callbacks::unregister)),
        )
}

pub(crate) fn admin_routes() -> Router<AppState> {
    Router::new()
        .route("/_emulator/reset", post(admin::reset))
        .route("/_emulator/sessions", post(admin::create_session))
        .route("/_emulator/sessions/{sid}", get(admin::get_session))
        .route(
            "/_emulator/sessions/{sid}/connections",
            post(admin::add_connection),
        )
        .route("/_emulator/sessions/{sid}/streams", post(admin::add_stream))
        .route("/_emulator/archives/{id}", post(admin::set_archive_status))
        .route(
            "/_emulator/faults",
            post(admin::add_fault).delete(admin::clear_faults),
        )
        .route(
            "/_emulator/requests",
            get(admin::list_requests).delete(admin::clear_requests),
        )
        .merge(callbacks_admin::admin_routes())
}

pub(crate) fn router_with_state(st: AppState) -> Router {
    let mut app = public_routes(&st);
    if st.config.admin {
        app = app.merge(admin_routes());
    }
    app.fallback(middleware::not_found)
        .layer(axum::middleware::from_fn_with_state(
            st.clone(),
            callbacks_events::observe,
        ))
        .layer(axum::middleware::from_fn_with_state(
            st.clone(),
            middleware::outer,
        ))
        .with_state(st)
}
