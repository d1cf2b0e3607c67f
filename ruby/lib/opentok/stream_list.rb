# frozen_string_literal: true

require_relative "stream"

module OpenTok
  # An Array of Stream objects with the total count. `StreamList.new(json)` as in the official gem.
  class StreamList < ResourceList
    # StreamList.new(json); StreamList.new(interface, json) is accepted too.
    def initialize(*args)
      raise ArgumentError, "wrong number of arguments (given #{args.size}, expected 1)" unless [1, 2].include?(args.size)

      super(nil, args.last, Stream)
    end
  end
end
