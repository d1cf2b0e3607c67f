# frozen_string_literal: true

require_relative "internal"
require_relative "constants"

module OpenTok
  # Token generation shared by OpenTok::OpenTok and OpenTok::Session, with the official gem's
  # public names: `include TokenGenerator` + `generates_tokens(api_key: ->(o) {...}, ...)` defines
  # `generate_token`; the lambdas take (api_key, api_secret, session_id, opts = {}).
  # Tokens are signed by the native core with Time.now as the clock.
  module TokenGenerator
    # Token types accepted by `:token_type`.
    VALID_TOKEN_TYPES = %w[JWT T1].freeze

    # @private
    def self.included(base)
      base.extend(ClassMethods)
    end

    # Class-level helpers added by `include TokenGenerator`.
    module ClassMethods
      # Defines #generate_token(*args): arguments not supplied by `arg_lambdas` (:api_key,
      # :api_secret, :session_id, :token_opts, each ->(instance)) come from the call, in that order.
      def generates_tokens(arg_lambdas = {})
        @arg_lambdas = arg_lambdas
        define_method(:generate_token) do |*args|
          lambdas = self.class.arg_lambdas || {}
          dynamic = %i[api_key api_secret session_id token_opts].map { |a| lambdas[a]&.call(self) }.compact
          self.class.generate_token.call(*dynamic, *args.first(4 - dynamic.length))
        end
      end

      # The lambdas given to generates_tokens (inherited by subclasses).
      def arg_lambdas
        return @arg_lambdas if defined?(@arg_lambdas) && @arg_lambdas

        superclass.respond_to?(:arg_lambdas) ? superclass.arg_lambdas : nil
      end

      # The token lambda (JWT or T1 according to opts[:token_type]).
      def generate_token
        TokenGenerator::GENERATE_TOKEN_LAMBDA
      end
    end

    # @private
    def self.mint(api_key, api_secret, session_id, opts, token_type)
      opts = Internal.options!(opts, "opts")
      opts = opts.merge(token_type: token_type) if token_type
      Internal.token(Internal.native_for(api_key, api_secret), session_id, opts)
    end

    # A client token of the type opts[:token_type] ("JWT" default, "T1").
    GENERATE_TOKEN_LAMBDA = ->(api_key, api_secret, session_id, opts = {}) { TokenGenerator.mint(api_key, api_secret, session_id, opts, nil) }
    # A JWT client token.
    GENERATE_JWT_LAMBDA = ->(api_key, api_secret, session_id, opts = {}) { TokenGenerator.mint(api_key, api_secret, session_id, opts, "JWT") }
    # A legacy T1 client token.
    GENERATE_T1_TOKEN_LAMBDA = ->(api_key, api_secret, session_id, opts = {}) { TokenGenerator.mint(api_key, api_secret, session_id, opts, "T1") }
  end
end
