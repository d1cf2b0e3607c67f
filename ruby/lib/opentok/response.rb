# frozen_string_literal: true

require "json"

module OpenTok
  # The HTTP answer returned where the official gem returns its HTTParty::Response
  # (`sip.dial`, `captions.start`, `websocket.connect`, the force-mute and DTMF methods, ...):
  # `code`, `body`, `headers`, `parsed_response`, `success?`, and `[]` / any other method
  # forwarded to the parsed JSON, as HTTParty does.
  class Response
    # Response headers; lookup ignores case (`headers["content-type"]`).
    class Headers < Hash
      def [](key)
        super(key.to_s.downcase)
      end

      def key?(key)
        super(key.to_s.downcase)
      end
      alias include? key?
      alias has_key? key?
    end

    attr_reader :code, :body, :headers, :parsed_response

    # @private
    def initialize(code, body, headers, parsed_response)
      @code = code.to_i
      @body = body
      @headers = Headers.new
      headers.each { |k, v| @headers[k.to_s.downcase] = v }
      @parsed_response = parsed_response
    end

    def success?
      (200..299).cover?(@code)
    end
    alias ok? success?

    def [](key)
      @parsed_response.is_a?(Hash) || @parsed_response.is_a?(Array) ? @parsed_response[key] : nil
    end

    def to_s
      @body.to_s
    end

    def to_json(*args)
      @parsed_response.to_json(*args)
    end

    def as_json(*)
      @parsed_response
    end

    def inspect
      "#<OpenTok::Response code=#{@code} parsed_response=#{@parsed_response.inspect}>"
    end

    def method_missing(name, *args, &block)
      return @parsed_response.public_send(name, *args, &block) if @parsed_response.respond_to?(name)

      super
    end

    def respond_to_missing?(name, include_private = false)
      @parsed_response.respond_to?(name, include_private) || super
    end
  end
end
