# frozen_string_literal: true

require "json"
require_relative "internal"

module OpenTok
  # @private Base of result objects: readers named after the snake_case form of the API's fields
  # (`session_id` reads `sessionId`), any other field of the answer by its snake_case name
  # (method_missing, as the official gem), `to_json`, `to_h` and `[]`.
  class Resource
    # Declares readers that return nil when the API left the field out.
    def self.fields(*names)
      names.each do |name|
        key = Internal.camelize(name)
        define_method(name) { @json[key] }
      end
    end

    # @private
    def initialize(interface, json)
      @interface = interface
      @json = json.is_a?(Hash) ? json : {}
    end

    # The JSON the API returned for this object.
    def to_json(*args)
      @json.to_json(*args)
    end

    def as_json(*)
      @json
    end

    def to_h
      @json.dup
    end

    def [](key)
      @json.key?(key.to_s) ? @json[key.to_s] : @json[Internal.camelize(key)]
    end

    def inspect
      "#<#{self.class.name} #{@json.inspect}>"
    end

    # Any other field of the answer, by its snake_case name.
    def method_missing(name, *args, &block)
      key = Internal.camelize(name)
      return @json[key] if args.empty? && block.nil? && @json.key?(key)

      super
    end

    def respond_to_missing?(name, include_private = false)
      @json.key?(Internal.camelize(name)) || super
    end
  end

  # @private An Array of results that also knows the total count the API reported.
  class ResourceList < Array
    # The total number of items (across every page).
    attr_reader :total

    # @private
    def initialize(interface, json, item_class)
      json = {} unless json.is_a?(Hash)
      @total = json["count"]
      super((json["items"] || []).map { |item| item_class.new(interface, item) })
    end
  end
end
