# frozen_string_literal: true

module OpenTok
  # A stream published in a session. Readers: id, video_type, name, layout_class_list.
  class Stream < Resource
    fields :id, :video_type, :name, :layout_class_list
  end

  # An Array of Stream objects with the total count.
  class StreamList < ResourceList
    # @private
    def initialize(interface, json)
      super(interface, json, Stream)
    end
  end
end
