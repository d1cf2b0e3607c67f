# frozen_string_literal: true

require_relative "resource"

module OpenTok
  # A stream published in a session. Readers: id, video_type, name, layout_class_list; any other
  # field by its snake_case name. `Stream.new(json)` as in the official gem.
  class Stream < Resource
    fields :id, :video_type, :name, :layout_class_list

    # Stream.new(json); Stream.new(interface, json) is accepted too.
    def initialize(*args)
      raise ArgumentError, "wrong number of arguments (given #{args.size}, expected 1)" unless [1, 2].include?(args.size)

      super(args.size == 2 ? args[0] : nil, args.last)
    end
  end
end
