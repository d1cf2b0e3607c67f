# frozen_string_literal: true

require_relative "broadcast"

module OpenTok
  # An Array of Broadcast objects with the total number of broadcasts.
  class BroadcastList < ResourceList
    # @private
    def initialize(interface, json)
      super(interface, json, Broadcast)
    end
  end
end
