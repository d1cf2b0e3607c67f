//! Every REST operation of [`OpenTokClient`], each as an `async` method and a blocking twin.

use serde_json::json;

use crate::args::{args, args_with, render_args};
use crate::error::Res;
use crate::OpenTokClient;
use crate::*;

/// Declares each operation twice: `async fn op` (Kotlin `suspend`, Swift `async`) and `fn
/// op_blocking` (runs on the shared runtime; never call it from a runtime thread).
macro_rules! operations {
    ($( $(#[doc = $doc:literal])* $op:ident / $blocking:ident ( $($arg:ident : $ty:ty),* ) -> $out:ty = $args:expr ; )*) => {
        #[uniffi::export]
        impl OpenTokClient {
            $(
                $(#[doc = $doc])*
                pub async fn $op(&self, $($arg: $ty),*) -> Res<$out> {
                    self.run(stringify!($op), $args).await
                }

                $(#[doc = $doc])*
                /// (Blocking.)
                pub fn $blocking(&self, $($arg: $ty),*) -> Res<$out> {
                    self.run_blocking(stringify!($op), $args)
                }
            )*
        }
    };
}

operations! {
    /// Starts recording a session.
    start_archive / start_archive_blocking (session_id: String, properties: ArchiveProperties) -> Archive
        = args_with(json!({"session_id": session_id}), &properties);
    /// Stops a recording archive.
    stop_archive / stop_archive_blocking (archive_id: String) -> Archive
        = args(json!({"archive_id": archive_id}));
    /// Reads an archive.
    get_archive / get_archive_blocking (archive_id: String) -> Archive
        = args(json!({"archive_id": archive_id}));
    /// Lists archives (one page, newest first).
    list_archives / list_archives_blocking (offset: Option<i64>, count: Option<i64>, session_id: Option<String>) -> ArchiveList
        = args(json!({"offset": offset, "count": count, "session_id": session_id}));
    /// Deletes an archive.
    delete_archive / delete_archive_blocking (archive_id: String) -> ()
        = args(json!({"archive_id": archive_id}));
    /// Changes a composed archive's layout.
    set_archive_layout / set_archive_layout_blocking (archive_id: String, layout: Layout) -> ()
        = args_with(json!({"archive_id": archive_id}), &json!({"layout": layout}));
    /// Adds a stream to a manual-mode archive.
    add_archive_stream / add_archive_stream_blocking (archive_id: String, stream_id: String, has_audio: Option<bool>, has_video: Option<bool>) -> ()
        = args(json!({"archive_id": archive_id, "stream_id": stream_id, "has_audio": has_audio, "has_video": has_video}));
    /// Removes a stream from a manual-mode archive.
    remove_archive_stream / remove_archive_stream_blocking (archive_id: String, stream_id: String) -> ()
        = args(json!({"archive_id": archive_id, "stream_id": stream_id}));
    /// Starts a live-streaming broadcast.
    start_broadcast / start_broadcast_blocking (session_id: String, properties: BroadcastProperties) -> Broadcast
        = args_with(json!({"session_id": session_id}), &properties);
    /// Stops a broadcast.
    stop_broadcast / stop_broadcast_blocking (broadcast_id: String) -> Broadcast
        = args(json!({"broadcast_id": broadcast_id}));
    /// Reads a broadcast.
    get_broadcast / get_broadcast_blocking (broadcast_id: String) -> Broadcast
        = args(json!({"broadcast_id": broadcast_id}));
    /// Lists broadcasts (one page).
    list_broadcasts / list_broadcasts_blocking (offset: Option<i64>, count: Option<i64>, session_id: Option<String>) -> BroadcastList
        = args(json!({"offset": offset, "count": count, "session_id": session_id}));
    /// Changes a broadcast's layout.
    set_broadcast_layout / set_broadcast_layout_blocking (broadcast_id: String, layout: Layout) -> ()
        = args_with(json!({"broadcast_id": broadcast_id}), &json!({"layout": layout}));
    /// Adds a stream to a manual-mode broadcast.
    add_broadcast_stream / add_broadcast_stream_blocking (broadcast_id: String, stream_id: String, has_audio: Option<bool>, has_video: Option<bool>) -> ()
        = args(json!({"broadcast_id": broadcast_id, "stream_id": stream_id, "has_audio": has_audio, "has_video": has_video}));
    /// Removes a stream from a manual-mode broadcast.
    remove_broadcast_stream / remove_broadcast_stream_blocking (broadcast_id: String, stream_id: String) -> ()
        = args(json!({"broadcast_id": broadcast_id, "stream_id": stream_id}));
    /// Reads a stream.
    get_stream / get_stream_blocking (session_id: String, stream_id: String) -> StreamInfo
        = args(json!({"session_id": session_id, "stream_id": stream_id}));
    /// Lists a session's streams.
    list_streams / list_streams_blocking (session_id: String) -> StreamList
        = args(json!({"session_id": session_id}));
    /// Changes several streams' layout classes.
    set_stream_class_lists / set_stream_class_lists_blocking (session_id: String, items: Vec<StreamClassList>) -> ()
        = args_with(json!({"session_id": session_id}), &json!({"items": items}));
    /// Changes one stream's layout classes.
    set_stream_class_list / set_stream_class_list_blocking (session_id: String, stream_id: String, layout_class_list: Vec<String>) -> ()
        = args(json!({"session_id": session_id, "stream_id": stream_id, "layout_class_list": layout_class_list}));
    /// Lists a session's connections.
    list_connections / list_connections_blocking (session_id: String) -> ConnectionList
        = args(json!({"session_id": session_id}));
    /// Sends a signal to every client, or to one connection.
    send_signal / send_signal_blocking (session_id: String, connection_id: Option<String>, properties: SignalProperties) -> ()
        = args_with(json!({"session_id": session_id, "connection_id": connection_id}), &properties);
    /// Disconnects a client.
    force_disconnect / force_disconnect_blocking (session_id: String, connection_id: String) -> ()
        = args(json!({"session_id": session_id, "connection_id": connection_id}));
    /// Force-mutes one stream's audio.
    mute_stream / mute_stream_blocking (session_id: String, stream_id: String) -> ()
        = args(json!({"session_id": session_id, "stream_id": stream_id}));
    /// Force-mutes every stream except the excluded ones.
    mute_all / mute_all_blocking (session_id: String, excluded_stream_ids: Vec<String>) -> ()
        = args(json!({"session_id": session_id, "excluded_stream_ids": excluded_stream_ids}));
    /// Ends a mute-all.
    disable_force_mute / disable_force_mute_blocking (session_id: String) -> ()
        = args(json!({"session_id": session_id}));
    /// Dials a SIP endpoint into a routed session.
    dial / dial_blocking (session_id: String, token: String, properties: SipProperties) -> SipCall
        = args_with(json!({"session_id": session_id, "token": token}), &properties);
    /// Plays DTMF digits to every SIP participant, or to one connection.
    play_dtmf / play_dtmf_blocking (session_id: String, connection_id: Option<String>, digits: String) -> ()
        = args(json!({"session_id": session_id, "connection_id": connection_id, "digits": digits}));
    /// Starts an Experience Composer render.
    start_render / start_render_blocking (session_id: String, token: String, properties: RenderProperties) -> Render
        = render_args(session_id, token, &properties);
    /// Reads a render.
    get_render / get_render_blocking (render_id: String) -> Render
        = args(json!({"render_id": render_id}));
    /// Stops a render.
    stop_render / stop_render_blocking (render_id: String) -> ()
        = args(json!({"render_id": render_id}));
    /// Lists renders (one page).
    list_renders / list_renders_blocking (offset: Option<i64>, count: Option<i64>) -> RenderList
        = args(json!({"offset": offset, "count": count}));
    /// Streams session audio to a WebSocket (Audio Connector).
    connect_audio / connect_audio_blocking (session_id: String, token: String, properties: AudioConnectorProperties) -> AudioConnection
        = args_with(json!({"session_id": session_id, "token": token}), &properties);
    /// Stops an Audio Connector.
    stop_audio_connector / stop_audio_connector_blocking (connection_id: String) -> ()
        = args(json!({"connection_id": connection_id}));
    /// Starts live captions.
    start_captions / start_captions_blocking (session_id: String, token: String, properties: CaptionProperties) -> Captions
        = args_with(json!({"session_id": session_id, "token": token}), &properties);
    /// Stops live captions.
    stop_captions / stop_captions_blocking (captions_id: String) -> ()
        = args(json!({"captions_id": captions_id}));
    /// Reads live caption status.
    get_captions / get_captions_blocking (captions_id: String) -> CaptionStatus
        = args(json!({"captions_id": captions_id}));
    /// Registers a project callback.
    register_callback / register_callback_blocking (group: String, event: String, url: String) -> ProjectCallback
        = args(json!({"group": group, "event": event, "url": url}));
    /// Lists project callbacks.
    list_callbacks / list_callbacks_blocking () -> Vec<ProjectCallback>
        = args(json!({}));
    /// Unregisters a project callback.
    unregister_callback / unregister_callback_blocking (callback_id: String) -> ()
        = args(json!({"callback_id": callback_id}));
}
