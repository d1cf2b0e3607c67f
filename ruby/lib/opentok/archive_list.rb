# frozen_string_literal: true

require_relative "archive"

module OpenTok
  # An Array of Archive objects with the total number of archives.
  class ArchiveList < ResourceList
    # @private
    def initialize(interface, json)
      super(interface, json, Archive)
    end
  end
end
