# frozen_string_literal: true

require_relative "render"

module OpenTok
  # An Array of Render objects with the total count.
  class RenderList < ResourceList
    # @private
    def initialize(interface, json)
      super(interface, json, Render)
    end
  end
end
