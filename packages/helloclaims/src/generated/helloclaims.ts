/**
 * Generated from specs/helloclaims/openapi.yaml by @coverlink/codegen (openapi-typescript). Do not edit by hand:
 * change the spec and run `pnpm nx run @coverlink/helloclaims:codegen`.
 */

export interface paths {
    "/login/broker": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Send a user to authorize the app (browser redirect)
         * @description Not an API call: the app **redirects the user's browser** here (HC-oauth "Send a user to
         *     authorize your app"). Hello Claims shows its login page; once the user signs in and
         *     allows access, the browser is redirected to `redirect_uri` with `code` and `state`
         *     in the query. Exchange the code with `createToken` within 60 seconds.
         *
         *     `state` is optional per HC-oauth; Coverlink always sends a fresh, unguessable value and
         *     checks that the callback echoes it (CSRF protection, as HC-oauth recommends).
         *
         *     An application created without a valid redirect URI has it set to
         *     `http://localhost:9999` (HC-oauth).
         *
         *     The login page's own form posts back to `/login/broker`; that exchange is internal to
         *     Hello Claims' page and not part of the client contract (the local mock on port 4012
         *     implements it and answers the form with a 303).
         */
        get: operations["authorize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a code, refresh a token, or obtain a client-credentials token
         * @description The token endpoint for three grants (`grant_type` picks the body shape):
         *     - `authorization_code` (HC-oauth "Exchange the code"): `code` and the same
         *       `redirect_uri` as the authorize request. Codes live **60 s** and are single-use.
         *     - `refresh_token` (HC-oauth "Maintaining authentication"): `refresh_token` and
         *       `redirect_uri` (HC-oauth requires it on refresh, unlike RFC 6749 §6; the local mock
         *       checks it when present). The response carries a **new** refresh token: replace the
         *       stored one (rotation). Refresh before the 24 h refresh-token lifetime ends.
         *     - `client_credentials` (HC-cc): server-to-server, full privilege, no user context and
         *       **no refresh token**.
         *
         *     Client authentication (HC-oauth): `Authorization: Basic base64(client_id:client_secret)`,
         *     the raw values joined with a colon. HC-cc shows `client_id` and `client_secret` in the
         *     form body for the client-credentials grant instead; that is the second security
         *     alternative. Use one method, never both (the local mock refuses both with
         *     `invalid_request`).
         *
         *     | Token | Lifetime ("indicative only and subject to change", HC-oauth) |
         *     |---|---|
         *     | code | 60 seconds |
         *     | access_token | 30 minutes |
         *     | refresh_token | 24 hours |
         *
         *     Use `expires_in` (and `.expires`) from the response, not the table.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List pending quote requests
         * @description Quote requests sent to the repairer that are not yet accepted (HC-qs). A request not
         *     accepted before its `expiry` is declined automatically (HC-T:QuoteRequest). The
         *     response is a plain array; no pagination is documented.
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a quote request, creating a job
         * @description Accept a pending quote request (HC-acc, HC-qs). `referenceId` is the repairer's own job
         *     reference; it must be unique, otherwise the call fails (HC-acc; the 409 status is a
         *     Coverlink assumption). The new job's id **is** that reference, and the answer is
         *     `201 Created` with `Location: …/jobs/{referenceId}`.
         *
         *     Encoding: the quickstart (HC-qs) shows the body as `referenceId=TEST` while setting a
         *     JSON `Content-Type`. This spec uses a JSON body `{"referenceId": "TEST"}`, which
         *     matches the declared content type; a form-encoded body is the other reading.
         */
        post: operations["acceptRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a job
         * @description The job created by `acceptRequest`, at the URL its `Location` header names. HC-acc
         *     shows that URL but no page documents a GET on it; this operation is a Coverlink
         *     design.
         */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a quote for a job
         * @description Create a quote (labour rates and line items) for a job; the answer is the created
         *     quote (HC-q). A quote in `Draft` can still be edited; once `Submitted` it cannot be
         *     modified (HC-q). Submit it with `submitQuote`.
         *
         *     The status code is not documented: this spec answers `201 Created` (a Coverlink
         *     assumption; a client should accept any 2xx).
         */
        post: operations["createQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/jobs/{jobId}/quotes/status/{status}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit the job's draft quote
         * @description Move the job's draft quote to `Submitted`; after that it cannot be modified (HC-q,
         *     HC-qsub).
         *
         *     The docs disagree on the call. The text says `PUT …/jobs/{jobId}/quote/status/{status}`
         *     (singular `quote`, PUT); the example shows `POST …/jobs/{jobId}/quotes/status/Submitted`
         *     answering `200`. This spec follows the example. No request body is shown. The response
         *     body is not shown either: this spec returns the submitted quote (a Coverlink
         *     assumption).
         */
        post: operations["submitQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description RFC 7807 problem details, with ASP.NET Core's `traceId` and (for validation errors)
         *     `errors`. Hello Claims documents no error body; this is a Coverlink assumption, chosen
         *     because the token response's `.issued`/`.expires` fields show a .NET stack, whose
         *     default error body this is.
         */
        Problem: {
            /**
             * Format: uri-reference
             * @description URI identifying the problem type.
             */
            type?: string;
            /** @description Short, human-readable summary of the problem type. */
            title: string;
            /**
             * @description The HTTP status code.
             * @example 409
             */
            status: number;
            /** @description Human-readable explanation of this occurrence. */
            detail?: string;
            /** @description URI reference of the request that failed. */
            instance?: string;
            /** @description Correlation id to quote to Hello Claims support. */
            traceId?: string;
            /** @description Validation messages keyed by field name. */
            errors?: {
                [key: string]: string[];
            };
        };
        /** @description RFC 6749 section 5.2 token error. No source shows Hello Claims token errors; Coverlink assumes the standard shape. */
        OAuthError: {
            /**
             * @description RFC 6749 error code.
             * @enum {string}
             */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope";
            /** @description Human-readable explanation. */
            error_description?: string;
        };
        /** @description Token request body; `grant_type` selects the shape (HC-oauth, HC-cc). */
        TokenRequest: components["schemas"]["AuthorizationCodeTokenRequest"] | components["schemas"]["RefreshTokenRequest"] | components["schemas"]["ClientCredentialsTokenRequest"];
        /** @description Exchange an authorization code (HC-oauth "Exchange the code"). The client authenticates with HTTP Basic. */
        AuthorizationCodeTokenRequest: {
            /**
             * @description Always `authorization_code`.
             * @constant
             */
            grant_type: "authorization_code";
            /** @description The code from the callback; valid for 60 s, single use. */
            code: string;
            /**
             * Format: uri
             * @description The same redirect URI as in the authorize request.
             */
            redirect_uri: string;
            /** @description PKCE verifier (RFC 7636), required when the authorize request carried `code_challenge`. Not documented by Hello Claims; the local mock checks it. */
            code_verifier?: string;
        };
        /** @description Exchange a refresh token (HC-oauth "Maintaining authentication"). The response carries a new refresh token that replaces this one. */
        RefreshTokenRequest: {
            /**
             * @description Always `refresh_token`.
             * @constant
             */
            grant_type: "refresh_token";
            /** @description The most recent refresh token; older ones are refused after rotation. */
            refresh_token: string;
            /**
             * Format: uri
             * @description The same redirect URI as in the original authorize request. HC-oauth requires it; RFC 6749 section 6 does not, and the local mock checks it only when present.
             */
            redirect_uri: string;
        };
        /**
         * @description Client-credentials grant (HC-cc): server-to-server, full privilege, no user context,
         *     no refresh token. HC-cc puts `client_id` and `client_secret` in the body; a client
         *     that authenticates with HTTP Basic omits them (never send both).
         */
        ClientCredentialsTokenRequest: {
            /**
             * @description Always `client_credentials`.
             * @constant
             */
            grant_type: "client_credentials";
            /** @description The client identifier (HC-cc); omit when using HTTP Basic. */
            client_id?: string;
            /** @description The client secret (HC-cc); omit when using HTTP Basic. */
            client_secret?: string;
            /**
             * Format: uri
             * @description Listed by HC-cc; it has no meaning without a browser, and the local mock ignores it. Whether Hello Claims requires it is unknown, so it is optional here.
             */
            redirect_uri?: string;
            /** @description Space-separated scopes. HC-cc does not mention a scope (the grant is full privilege); optional here, and the local mock accepts it. */
            scope?: string;
        };
        /** @description Issued tokens (HC-oauth "Receive your tokens"); field order as in the document. */
        TokenResponse: {
            /** @description Short-lived bearer token for the resource API. */
            access_token: string;
            /**
             * @description Authentication scheme for the token, "typically bearer" (HC-oauth); compare case-insensitively.
             * @example bearer
             */
            token_type: string;
            /**
             * @description Seconds until the access token expires (1800 = 30 min, indicative).
             * @example 1800
             */
            expires_in: number;
            /** @description Long-lived (24 h) token for `grant_type=refresh_token`. Every refresh returns a new one that replaces the stored one (HC-oauth). Absent for `client_credentials` (HC-cc). */
            refresh_token?: string;
            /**
             * @description Whether the token can be refreshed - a .NET boolean written as a string (HC-oauth shows `"True"`; `"False"` for client credentials is a Coverlink reading of HC-cc).
             * @enum {string}
             */
            ".refresh": "True" | "False";
            /**
             * Format: date-time
             * @description When the access token expires, ISO 8601 with a numeric offset and seven fractional digits, e.g. `2023-05-24T03:19:59.0000000+00:00` (HC-oauth).
             */
            ".expires": string;
            /**
             * Format: date-time
             * @description When the token was issued, same format as `.expires` (HC-oauth).
             */
            ".issued": string;
        };
        /**
         * @description A pending quote request from an insurer (HC-T:QuoteRequest, HC-qs). The type reference
         *     names the claim number `claimNumber`; the quickstart example shows snake_case
         *     `claim_number`. This spec follows the type reference.
         */
        QuoteRequest: {
            /**
             * @description Quote request id; accept it with `acceptRequest`.
             * @example 0d9f7a52-3c1e-4b8a-9f6d-5e2a1b7c4d30
             */
            id: string;
            /**
             * Format: date-time
             * @description After this time the request is declined automatically (HC-T:QuoteRequest).
             */
            expiry: string;
            /**
             * @description The insurer's claim number.
             * @example CLM-2607-004512
             */
            claimNumber: string;
            accident: components["schemas"]["Accident"];
            vehicle: components["schemas"]["Vehicle"];
            instructions: components["schemas"]["Instructions"];
        };
        /** @description Details of the accident (HC-T:QuoteRequest). Its fields are undocumented, so any properties are allowed; the ones in examples are illustrative. */
        Accident: {
            [key: string]: unknown;
        };
        /** @description The damaged vehicle (HC-T:QuoteRequest). Its fields are undocumented, so any properties are allowed; the ones in examples are illustrative. */
        Vehicle: {
            [key: string]: unknown;
        };
        /** @description The insurer's instructions to the repairer (HC-T:QuoteRequest, HC-qs). Its fields are undocumented, so any properties are allowed; the ones in examples are illustrative. */
        Instructions: {
            [key: string]: unknown;
        };
        /** @description Body of `acceptRequest` (HC-acc). Sent as JSON; the quickstart's `referenceId=TEST` under a JSON content type is read as `{"referenceId":"TEST"}`. */
        AcceptRequestBody: {
            /**
             * @description The repairer's own reference for the job; must be unique, otherwise an error (HC-acc). It becomes the job's `id`.
             * @example RPR-24-00815
             */
            referenceId: string;
            /**
             * Format: date
             * @description Date the vehicle is booked in (optional, HC-acc).
             */
            bookingDate?: string;
        };
        /** @description An accepted quote request (HC-T:Job, HC-acc). */
        Job: {
            /**
             * @description The job id - the `referenceId` the repairer gave when accepting.
             * @example RPR-24-00815
             */
            id: string;
            status: components["schemas"]["JobStatus"];
            /**
             * Format: date
             * @description Date the vehicle is booked in.
             */
            bookingDate?: string;
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @description Job status (HC-T:Job); new jobs are `Open`.
         * @default Open
         * @enum {string}
         */
        JobStatus: "Open" | "Cancelled" | "Closed";
        /** @description Free-form string key/value pairs (a map of string to string, HC-T:Job). */
        Metadata: {
            [key: string]: string;
        };
        /**
         * @description A repairer's quote for a job - the `Authority` type of the type reference
         *     (HC-T:Authority, HC-q). Used as the body of `createQuote` and as its answer. Which
         *     fields are required is not documented; Coverlink requires `items` only (marked there).
         */
        Quote: {
            /**
             * Format: int32
             * @description Quote version, set by Hello Claims (HC-T:Authority). That later versions are supplements is a reading, not documented.
             */
            version?: number;
            status?: components["schemas"]["QuoteStatus"];
            rates?: components["schemas"]["LabourRates"];
            /** @description The quote's line items (HC-T:Authority). That a quote must have them - the only required field here - is a Coverlink assumption; the type reference marks none required. */
            items: components["schemas"]["QuoteItem"][];
            /**
             * Format: uri
             * @description URL of the quote document (HC-T:Authority).
             */
            documentUrl?: string;
            metadata?: components["schemas"]["Metadata"];
        };
        /**
         * @description Body of `createQuote`: a `Quote` and its items with no property the type reference does
         *     not list, so a misspelled field fails in the mocks instead of being dropped. `Quote` and
         *     `QuoteItem` themselves stay open, because Hello Claims may add fields to its answers.
         */
        CreateQuoteBody: components["schemas"]["Quote"] & {
            /** @description The quote's line items. */
            items?: components["schemas"]["QuoteItem"][];
        };
        /**
         * @description Quote status (HC-T:Authority, HC-q). `Draft` can be edited; `Submitted` cannot be modified. Only these two values are documented and the full enum could not be read, so a closed list of two, and `Draft` as the default, are Coverlink assumptions.
         * @default Draft
         * @enum {string}
         */
        QuoteStatus: "Draft" | "Submitted";
        /**
         * @description Hourly labour rates keyed by labour type, in AUD (HC-T:Authority: "an object keyed by
         *     labour type"). The quote examples on HC-q show an array `[{"type": …, "rate": …}]`
         *     instead; this spec follows the type reference.
         */
        LabourRates: {
            /**
             * Format: double
             * @description Remove-and-replace rate per hour.
             */
            RemoveReplaceLabour?: number;
            /**
             * Format: double
             * @description Repair rate per hour.
             */
            RepairLabour?: number;
            /**
             * Format: double
             * @description Refinish (paint) rate per hour.
             */
            RefinishLabour?: number;
            /**
             * Format: double
             * @description Mechanical rate per hour.
             */
            MechanicalLabour?: number;
        } & {
            [key: string]: number;
        };
        /**
         * @description Line-item type (HC-T:QuoteItem); the default is `RemoveReplaceLabour`.
         * @default RemoveReplaceLabour
         * @enum {string}
         */
        QuoteItemType: "RemoveReplaceLabour" | "RepairLabour" | "RefinishLabour" | "MechanicalLabour" | "Parts" | "Miscellaneous";
        /**
         * @description One quote line (HC-T:QuoteItem). The type reference does not say which fields are
         *     required, nor the unit of `markup`; Coverlink requires `description`, `quantity` and
         *     `price`, and reads `markup` as a percentage (examples: total = quantity x price x
         *     (1 + markup/100)).
         */
        QuoteItem: {
            /** @description Line id, assigned by Hello Claims. */
            id?: string;
            /**
             * Format: int32
             * @description Position of the line in the quote.
             */
            order?: number;
            type?: components["schemas"]["QuoteItemType"];
            /**
             * Format: double
             * @description Hours for labour lines, units for parts and miscellaneous lines.
             */
            quantity: number;
            /** @description What the line is for, e.g. `R&R rear bumper cover`. */
            description: string;
            /** @description Manufacturer part number, for `Parts` lines. */
            partNumber?: string;
            /**
             * Format: double
             * @description Unit price, or hourly rate for labour lines (AUD).
             */
            price: number;
            /**
             * Format: double
             * @description Markup on the price, read as a percentage (unit undocumented).
             */
            markup?: number;
            /**
             * Format: double
             * @description Line total (AUD).
             */
            total?: number;
            /** @description Whether the line appears on the report; `false` when omitted (HC-T:QuoteItem). The default is stated here rather than as a `default` keyword, which would make the generated request type require it. */
            isOnReport?: boolean;
            metadata?: components["schemas"]["Metadata"];
        };
    };
    responses: {
        /**
         * @description The grant is refused (RFC 6749 section 5.2). HC-oauth says the endpoint checks that the
         *     code has not expired but shows no error body; the shape and codes are a Coverlink
         *     assumption, matching the local mock.
         *     - `invalid_grant`: the code expired (60 s), was already used, or `redirect_uri` /
         *       `code_verifier` does not match; the refresh token is unknown, expired (24 h), or
         *       was rotated away by an earlier refresh.
         *     - `invalid_request`: a required parameter is missing or repeated.
         *     - `unsupported_grant_type`: any grant other than the three described.
         */
        TokenBadRequest: {
            headers: {
                "Cache-Control": components["headers"]["NoStore"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description Client authentication failed - unknown `client_id` or wrong `client_secret` (RFC 6749 section 5.2). No source shows token errors; the shape and status are a Coverlink assumption, matching the local mock. */
        TokenInvalidClient: {
            headers: {
                "WWW-Authenticate": components["headers"]["WwwAuthenticateBasic"];
                "Cache-Control": components["headers"]["NoStore"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthError"];
            };
        };
        /** @description Missing, malformed or expired bearer token. Refresh the token (or obtain a new one) and retry once. The status is OAuth bearer usage (RFC 6750 section 3.1); only the body is a Coverlink assumption, marked on `Problem`. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WwwAuthenticateBearer"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The token may not do this - the user did not grant the scope, or a client-credentials token (no user context, HC-cc) reached a user-restricted resource, or the request or job belongs to another repairer. Do not retry. The status and body are a Coverlink assumption. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The quote request or job does not exist or is not visible to this repairer. A quote request past its `expiry` is declined automatically (HC-T:QuoteRequest) and answers 404 too. The status and body are a Coverlink assumption. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The request cannot be accepted in its current state. HC-acc says `referenceId` must be
         *     unique, "otherwise an error"; the 409 status and the body are a Coverlink assumption.
         *     Choose another `referenceId` (for a duplicate) or drop the request (already accepted).
         */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The quote cannot change: it is already `Submitted` and "cannot be modified" (HC-q), or
         *     the job is no longer `Open`. The 409 status and the body are a Coverlink assumption.
         */
        QuoteLocked: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body or a path parameter is invalid (e.g. `referenceId` missing, HC-acc; a `status` other than `Submitted`). No source shows validation errors; Coverlink assumes RFC 7807 with an `errors` map keyed by field, as ASP.NET Core writes it. */
        ValidationError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limit exceeded. No source documents rate limits; the status, header and body are a Coverlink assumption. Wait `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Unexpected Hello Claims error. No source shows 5xx bodies; Coverlink assumes the same problem body. Retry idempotent calls with backoff. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description The quote request's `id` from `listRequests` (HC-acc).
         * @example 0d9f7a52-3c1e-4b8a-9f6d-5e2a1b7c4d30
         */
        RequestId: string;
        /**
         * @description The job id, which is the `referenceId` the repairer gave when accepting the request (HC-acc, HC-T:Job).
         * @example RPR-24-00815
         */
        JobId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The registered `redirect_uri` with the answer added to its query; an existing query on the redirect URI is kept. */
        AuthorizeRedirectLocation: string;
        /**
         * @description URL of the created job, `…/jobs/{referenceId}` (HC-acc).
         * @example https://staging.ap-southeast-2.aws.helloclaims.com/integrations/repairer/jobs/RPR-24-00815
         */
        JobLocation: string;
        /**
         * @description Token responses must not be cached (RFC 6749 section 5.1). No Hello Claims source shows response headers; the local mock sends `no-store`.
         * @example no-store
         */
        NoStore: string;
        /**
         * @description Seconds to wait before retrying. No source documents rate limits; Coverlink assumes the standard HTTP header.
         * @example 30
         */
        RetryAfter: number;
        /**
         * @description Bearer challenge (RFC 6750 section 3). Not documented by Hello Claims.
         * @example Bearer error="invalid_token"
         */
        WwwAuthenticateBearer: string;
        /**
         * @description Basic challenge for the token endpoint (RFC 6749 section 5.2). Not documented by Hello Claims; the local mock sends it.
         * @example Basic realm="Hello Claims", charset="UTF-8"
         */
        WwwAuthenticateBasic: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    authorize: {
        parameters: {
            query: {
                /**
                 * @description Always `code` (HC-oauth).
                 * @example code
                 */
                response_type: "code";
                /**
                 * @description The client identifier issued to you (HC-oauth).
                 * @example coverlink-demo
                 */
                client_id: string;
                /**
                 * @description The URL to redirect back to upon login; it must be registered for the client. Send the same value to `createToken` (HC-oauth).
                 * @example http://127.0.0.1:9999/callback
                 */
                redirect_uri: string;
                /**
                 * @description Space-separated list of scopes; request the minimum needed (HC-oauth). The
                 *     complete list is linked from HC-ac but the link was not captured; see the
                 *     `helloClaimsOAuth` scheme for the placeholder scopes.
                 * @example requests quotes
                 */
                scope: string;
                /**
                 * @description Unique, non-guessable string passed back on completion; optional per HC-oauth, always sent by Coverlink.
                 * @example 4f9c2b7e1a8d4c0f9e3b6a5d2c1f0e7a
                 */
                state?: string;
                /**
                 * @description PKCE code challenge (RFC 7636). Not documented by Hello Claims; the Coverlink client sends an S256 challenge by default and the local mock verifies it.
                 * @example E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM
                 */
                code_challenge?: string;
                /**
                 * @description PKCE method (RFC 7636); `plain` when omitted. Not documented by Hello Claims; Coverlink sends `S256`, and the local mock accepts `S256` and `plain`.
                 * @example S256
                 */
                code_challenge_method?: "S256" | "plain";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Hello Claims login page, where the user signs in and allows or denies access. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /**
             * @description Redirect back to `redirect_uri` without showing the page. HC-oauth documents only
             *     the success case (`code` and `state`); redirecting with an RFC 6749 §4.1.2.1 error
             *     is a Coverlink assumption.
             *     - Success (a user session already exists): `?code=…&state=…`.
             *     - Error, once the client and redirect URI are known to be valid:
             *       `?error=…&error_description=…&state=…`, where `error` is
             *       `unsupported_response_type`, `invalid_scope` or `invalid_request`.
             */
            302: {
                headers: {
                    Location: components["headers"]["AuthorizeRedirectLocation"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Redirect back to `redirect_uri` after the login page was answered (how the local
             *     mock answers the page's form; the exact status is a Coverlink assumption).
             *     - Allowed: `?code=…&state=…` (HC-oauth "Redirect URI"). The code is valid for 60 s
             *       and can be used once.
             *     - Denied: `?error=access_denied&error_description=…&state=…` (RFC 6749 §4.1.2.1).
             */
            303: {
                headers: {
                    Location: components["headers"]["AuthorizeRedirectLocation"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown `client_id` or unregistered `redirect_uri`. An HTML error page is shown and the browser is **not** redirected (RFC 6749 §4.1.2.1). Not documented by Hello Claims; the local mock behaves this way. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description Tokens issued (HC-oauth "Receive your tokens"). */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["TokenBadRequest"];
            401: components["responses"]["TokenInvalidClient"];
        };
    };
    listRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pending quote requests (possibly none). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteRequest"][];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    acceptRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The quote request's `id` from `listRequests` (HC-acc).
                 * @example 0d9f7a52-3c1e-4b8a-9f6d-5e2a1b7c4d30
                 */
                id: components["parameters"]["RequestId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptRequestBody"];
            };
        };
        responses: {
            /** @description Request accepted; the job is created (HC-acc). */
            201: {
                headers: {
                    Location: components["headers"]["JobLocation"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The job id, which is the `referenceId` the repairer gave when accepting the request (HC-acc, HC-T:Job).
                 * @example RPR-24-00815
                 */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The job id, which is the `referenceId` the repairer gave when accepting the request (HC-acc, HC-T:Job).
                 * @example RPR-24-00815
                 */
                jobId: components["parameters"]["JobId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateQuoteBody"];
            };
        };
        responses: {
            /** @description The created quote (HC-q). `201` rather than `200` is a Coverlink assumption. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["QuoteLocked"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    submitQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The job id, which is the `referenceId` the repairer gave when accepting the request (HC-acc, HC-T:Job).
                 * @example RPR-24-00815
                 */
                jobId: components["parameters"]["JobId"];
                /**
                 * @description The target status. Only `Submitted` is meaningful; a draft is the starting state (HC-qsub).
                 * @example Submitted
                 */
                status: "Submitted";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Quote submitted - the status is HC-qsub's example; only the body is assumed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["QuoteLocked"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
