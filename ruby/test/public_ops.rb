# frozen_string_literal: true

# How each core operation of tests/vectors/requests.json is reached through the public Ruby API.
module PublicOps
  module_function

  def sym(hash)
    (hash || {}).transform_keys(&:to_sym)
  end

  # Both spellings of every fixed argument (the vectors use snake_case and camelCase).
  def spellings(name)
    head, *tail = name.split("_")
    [name, head + tail.map(&:capitalize).join]
  end

  def rest(args, *fixed)
    names = fixed.flat_map { |f| spellings(f) }
    sym(args.reject { |k, _| names.include?(k) })
  end

  # A fixed argument given in either spelling.
  def get(args, name)
    spellings(name).map { |n| args[n] }.compact.first
  end

  # Operations whose official method keeps only the option keys it knows (as ours does).
  FILTERING = %w[create_session start_archive].freeze
  # Vectors whose extra keys the official Ruby method cannot carry (it takes no option hash).
  NO_OPTIONS = ["play_dtmf unknown key"].freeze

  # True when the vector's exact request is what the official Ruby API sends for it.
  def exact?(vector)
    tags = vector["tags"] || []
    !(tags.include?("passthrough") && (FILTERING.include?(vector["op"]) || NO_OPTIONS.include?(vector["name"])))
  end

  # Invalid request vectors whose check the official gem does not make (before the vectors carry
  # "checked_by"): the request is sent.
  NOT_CHECKED_BY_RUBY = ["unknown media mode", "unknown option"].freeze
  # Checks the official gem makes with `raise "..."` (RuntimeError), by operation and field.
  RUNTIME = { "create_session" => %w[location archive_mode] }.freeze

  # Sent by Ruby whatever the core checks: the official gem maps an unknown media mode to relayed.
  RUBY_SENDS = ["unknown media mode"].freeze

  # Refused by Ruby whatever the vector says: the official gem raises ArgumentError for an empty
  # session id, token or SIP URI ("... not provided").
  RUBY_REFUSES = ["session id required", "session id empty"].freeze

  def refused_by_ruby?(vector)
    return false if RUBY_SENDS.include?(vector["name"])
    return true if RUBY_REFUSES.include?(vector["name"])

    by = vector["checked_by"]
    return (by & %w[core ruby]).any? if by

    !NOT_CHECKED_BY_RUBY.include?(vector["name"])
  end

  def error_class(vector)
    RUNTIME.fetch(vector["op"], []).include?(vector["field"]) ? RuntimeError : ArgumentError
  end

  OPS = {
    "create_session" => ->(ot, a) { ot.create_session(sym(a)) },
    "start_archive" => ->(ot, a) { ot.archives.create(get(a, "session_id"), rest(a, "session_id")) },
    "stop_archive" => ->(ot, a) { ot.archives.stop_by_id(get(a, "archive_id")) },
    "get_archive" => ->(ot, a) { ot.archives.find(get(a, "archive_id")) },
    "list_archives" => ->(ot, a) { ot.archives.all(sym(a)) },
    "delete_archive" => ->(ot, a) { ot.archives.delete_by_id(get(a, "archive_id")) },
    "set_archive_layout" => ->(ot, a) { ot.archives.layout(get(a, "archive_id"), sym(get(a, "layout") || rest(a, "archive_id"))) },
    "add_archive_stream" => ->(ot, a) { ot.archives.add_stream(get(a, "archive_id"), get(a, "stream_id"), rest(a, "archive_id", "stream_id")) },
    "remove_archive_stream" => ->(ot, a) { ot.archives.remove_stream(get(a, "archive_id"), get(a, "stream_id")) },
    "start_broadcast" => ->(ot, a) { ot.broadcasts.create(get(a, "session_id"), rest(a, "session_id")) },
    "stop_broadcast" => ->(ot, a) { ot.broadcasts.stop(get(a, "broadcast_id")) },
    "get_broadcast" => ->(ot, a) { ot.broadcasts.find(get(a, "broadcast_id")) },
    "list_broadcasts" => ->(ot, a) { ot.broadcasts.all(sym(a)) },
    "set_broadcast_layout" => ->(ot, a) { ot.broadcasts.layout(get(a, "broadcast_id"), sym(get(a, "layout"))) },
    "add_broadcast_stream" => ->(ot, a) { ot.broadcasts.add_stream(get(a, "broadcast_id"), get(a, "stream_id"), rest(a, "broadcast_id", "stream_id")) },
    "remove_broadcast_stream" => ->(ot, a) { ot.broadcasts.remove_stream(get(a, "broadcast_id"), get(a, "stream_id")) },
    "get_stream" => ->(ot, a) { ot.streams.find(get(a, "session_id"), get(a, "stream_id")) },
    "list_streams" => ->(ot, a) { ot.streams.all(get(a, "session_id")) },
    "set_stream_class_lists" => ->(ot, a) { ot.streams.layout(get(a, "session_id"), rest(a, "session_id")) },
    "set_stream_class_list" => ->(ot, a) { ot.streams.layout_stream(get(a, "session_id"), get(a, "stream_id"), get(a, "layout_class_list"), rest(a, "session_id", "stream_id", "layout_class_list")) },
    "list_connections" => ->(ot, a) { ot.connections.list(get(a, "session_id")) },
    "send_signal" => ->(ot, a) { ot.signals.send(get(a, "session_id"), get(a, "connection_id") || "", rest(a, "session_id", "connection_id")) },
    "force_disconnect" => ->(ot, a) { ot.connections.forceDisconnect(get(a, "session_id"), get(a, "connection_id")) },
    "mute_stream" => ->(ot, a) { ot.streams.force_mute(get(a, "session_id"), get(a, "stream_id")) },
    "mute_all" => ->(ot, a) { ot.streams.force_mute_all(get(a, "session_id"), rest(a, "session_id")) },
    "disable_force_mute" => ->(ot, a) { ot.streams.disable_force_mute(get(a, "session_id")) },
    "dial" => ->(ot, a) { ot.sip.dial(get(a, "session_id"), get(a, "token"), get(a, "uri") || get(a, "sip_uri"), rest(a, "session_id", "token", "uri", "sip_uri")) },
    "play_dtmf" => lambda { |ot, a|
      if get(a, "connection_id")
        ot.sip.play_dtmf_to_connection(get(a, "session_id"), get(a, "connection_id"), get(a, "digits"))
      else
        ot.sip.play_dtmf_to_session(get(a, "session_id"), get(a, "digits"))
      end
    },
    "start_render" => ->(ot, a) { ot.renders.start(get(a, "session_id"), rest(a, "session_id")) },
    "get_render" => ->(ot, a) { ot.renders.find(get(a, "render_id")) },
    "stop_render" => ->(ot, a) { ot.renders.stop(get(a, "render_id")) },
    "list_renders" => ->(ot, a) { ot.renders.list(sym(a)) },
    "connect_audio" => ->(ot, a) { ot.websocket.connect(get(a, "session_id"), get(a, "token"), get(a, "uri"), rest(a, "session_id", "token", "uri")) },
    "stop_audio_connector" => ->(ot, a) { ot.websocket.disconnect(get(a, "connection_id")) },
    "start_captions" => ->(ot, a) { ot.captions.start(get(a, "session_id"), get(a, "token"), rest(a, "session_id", "token")) },
    "stop_captions" => ->(ot, a) { ot.captions.stop(get(a, "captions_id")) },
    "get_captions" => ->(ot, a) { ot.captions.status(get(a, "captions_id")) },
    "register_callback" => ->(ot, a) { ot.callbacks.register(get(a, "group"), get(a, "event"), get(a, "url"), rest(a, "group", "event", "url")) },
    "list_callbacks" => ->(ot, _a) { ot.callbacks.all },
    "unregister_callback" => ->(ot, a) { ot.callbacks.unregister(get(a, "callback_id")) }
  }.freeze
end
