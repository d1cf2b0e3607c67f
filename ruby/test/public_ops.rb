# frozen_string_literal: true

# How each core operation of tests/vectors/requests.json is reached through the public Ruby API.
module PublicOps
  module_function

  def sym(hash)
    (hash || {}).transform_keys(&:to_sym)
  end

  def rest(args, *fixed)
    sym(args.reject { |k, _| fixed.include?(k) })
  end

  # Invalid request vectors whose check the official gem does not make (before the vectors carry
  # "checked_by"): the request is sent.
  NOT_CHECKED_BY_RUBY = ["unknown media mode", "unknown option"].freeze
  # Checks the official gem makes with `raise "..."` (RuntimeError), by operation and field.
  RUNTIME = { "create_session" => %w[location archive_mode] }.freeze

  def refused_by_ruby?(vector)
    by = vector["checked_by"]
    return (by & %w[core ruby]).any? if by

    !NOT_CHECKED_BY_RUBY.include?(vector["name"])
  end

  def error_class(vector)
    RUNTIME.fetch(vector["op"], []).include?(vector["field"]) ? RuntimeError : ArgumentError
  end

  OPS = {
    "create_session" => ->(ot, a) { ot.create_session(sym(a)) },
    "start_archive" => ->(ot, a) { ot.archives.create(a["session_id"], rest(a, "session_id")) },
    "stop_archive" => ->(ot, a) { ot.archives.stop_by_id(a["archive_id"]) },
    "get_archive" => ->(ot, a) { ot.archives.find(a["archive_id"]) },
    "list_archives" => ->(ot, a) { ot.archives.all(sym(a)) },
    "delete_archive" => ->(ot, a) { ot.archives.delete_by_id(a["archive_id"]) },
    "set_archive_layout" => ->(ot, a) { ot.archives.layout(a["archive_id"], sym(a["layout"] || rest(a, "archive_id"))) },
    "add_archive_stream" => ->(ot, a) { ot.archives.add_stream(a["archive_id"], a["stream_id"], rest(a, "archive_id", "stream_id")) },
    "remove_archive_stream" => ->(ot, a) { ot.archives.remove_stream(a["archive_id"], a["stream_id"]) },
    "start_broadcast" => ->(ot, a) { ot.broadcasts.create(a["session_id"], rest(a, "session_id")) },
    "stop_broadcast" => ->(ot, a) { ot.broadcasts.stop(a["broadcast_id"]) },
    "get_broadcast" => ->(ot, a) { ot.broadcasts.find(a["broadcast_id"]) },
    "list_broadcasts" => ->(ot, a) { ot.broadcasts.all(sym(a)) },
    "set_broadcast_layout" => ->(ot, a) { ot.broadcasts.layout(a["broadcast_id"], sym(a["layout"])) },
    "add_broadcast_stream" => ->(ot, a) { ot.broadcasts.add_stream(a["broadcast_id"], a["stream_id"], rest(a, "broadcast_id", "stream_id")) },
    "remove_broadcast_stream" => ->(ot, a) { ot.broadcasts.remove_stream(a["broadcast_id"], a["stream_id"]) },
    "get_stream" => ->(ot, a) { ot.streams.find(a["session_id"], a["stream_id"]) },
    "list_streams" => ->(ot, a) { ot.streams.all(a["session_id"]) },
    "set_stream_class_lists" => ->(ot, a) { ot.streams.layout(a["session_id"], rest(a, "session_id")) },
    "set_stream_class_list" => ->(ot, a) { ot.streams.layout_stream(a["session_id"], a["stream_id"], a["layout_class_list"]) },
    "list_connections" => ->(ot, a) { ot.connections.list(a["session_id"]) },
    "send_signal" => ->(ot, a) { ot.signals.send(a["session_id"], a["connection_id"] || "", rest(a, "session_id", "connection_id")) },
    "force_disconnect" => ->(ot, a) { ot.connections.forceDisconnect(a["session_id"], a["connection_id"]) },
    "mute_stream" => ->(ot, a) { ot.streams.force_mute(a["session_id"], a["stream_id"]) },
    "mute_all" => ->(ot, a) { ot.streams.force_mute_all(a["session_id"], rest(a, "session_id")) },
    "disable_force_mute" => ->(ot, a) { ot.streams.disable_force_mute(a["session_id"]) },
    "dial" => ->(ot, a) { ot.sip.dial(a["session_id"], a["token"], a["uri"], rest(a, "session_id", "token", "uri")) },
    "play_dtmf" => lambda { |ot, a|
      if a["connection_id"]
        ot.sip.play_dtmf_to_connection(a["session_id"], a["connection_id"], a["digits"])
      else
        ot.sip.play_dtmf_to_session(a["session_id"], a["digits"])
      end
    },
    "start_render" => ->(ot, a) { ot.renders.start(a["session_id"], rest(a, "session_id")) },
    "get_render" => ->(ot, a) { ot.renders.find(a["render_id"]) },
    "stop_render" => ->(ot, a) { ot.renders.stop(a["render_id"]) },
    "list_renders" => ->(ot, a) { ot.renders.list(sym(a)) },
    "connect_audio" => ->(ot, a) { ot.websocket.connect(a["session_id"], a["token"], a["uri"], rest(a, "session_id", "token", "uri")) },
    "stop_audio_connector" => ->(ot, a) { ot.websocket.disconnect(a["connection_id"]) },
    "start_captions" => ->(ot, a) { ot.captions.start(a["session_id"], a["token"], rest(a, "session_id", "token")) },
    "stop_captions" => ->(ot, a) { ot.captions.stop(a["captions_id"]) },
    "get_captions" => ->(ot, a) { ot.captions.status(a["captions_id"]) },
    "register_callback" => ->(ot, a) { ot.callbacks.register(a["group"], a["event"], a["url"]) },
    "list_callbacks" => ->(ot, _a) { ot.callbacks.all },
    "unregister_callback" => ->(ot, a) { ot.callbacks.unregister(a["callback_id"]) }
  }.freeze
end
