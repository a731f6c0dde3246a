/**
 * Generated from specs/oneassure/openapi.yaml by @coverlink/codegen (openapi-typescript). Do not edit by hand:
 * change the spec and run `pnpm nx run @coverlink/oneassure:codegen`.
 */

export interface paths {
    "/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate an access token (business or per-user session token)
         * @description Exchanges the client credentials for a JWT valid for 1 hour (3600 s) (OA-auth). Call it
         *     from your backend only; never ship `client_id` or `client_secret` to a browser (OA-redir).
         *
         *     - **Business token** (OA-auth): `{client_id, client_secret, scopes: ["business"]}`. Send
         *       it as `Authorization: Bearer …` on the other operations. Cache and reuse it within its
         *       hour: token requests are rate-limited (`A4290`, "Please try again in 60 seconds").
         *     - **Session token** (OA-redir): the same body plus `user_id`, your platform's id for the
         *       end user, so the journey is tied to that user. Put the token in
         *       `https://orca.oneassure.in/health?session-token={access_token}` and generate a fresh
         *       one for every redirection.
         *
         *     OA-auth does not show `user_id`; OA-redir adds it to the same body. Scopes other than
         *     `business` are not documented.
         */
        post: operations["createAuthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/business/health/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List health quotes by session or date range
         * @description Quotes generated in your users' sessions (OA-q). A session can hold several quotes, as
         *     users compare options; per quote and variant only one proposal can be active (not
         *     REJECTED or CANCELLED) at a time.
         *
         *     **Filter rule.** Send either `session_id`, or both `start_date` and `end_date` - never
         *     the two kinds together (OA-q). The date range may span at most 7 days; a wider range is
         *     an error (OA-q). JSON Schema cannot express these rules and the mock does not enforce
         *     them. OA-q marks `session_id` required, yet allows a date range instead of it; this spec
         *     treats it as optional.
         *
         *     **Paging** by cursor: send the response's `end_cursor` as `next` to get the following
         *     page and its `start_cursor` as `prev` to get the preceding one (OA-q). A null or missing
         *     `end_cursor` marks the last page (Coverlink's reading, see `QuoteList`).
         */
        get: operations["listHealthQuotes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/business/health/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List health proposals by session or date range
         * @description Proposals created in your users' sessions, with their status (OA-pr). Per quote and
         *     variant only one proposal can be active (not REJECTED or CANCELLED) at a time.
         *
         *     **Filter rule.** Send either `session_id`, or both `start_date` and `end_date` - never
         *     the two kinds together (OA-pr). The date range may span at most 7 days; a wider range is
         *     an error (OA-pr). JSON Schema cannot express these rules and the mock does not enforce
         *     them. OA-pr marks `session_id` required, yet allows a date range instead of it; this spec
         *     treats it as optional.
         *
         *     **Paging** by cursor: send the response's `end_cursor` as `next` and its `start_cursor`
         *     as `prev`. A null or missing `end_cursor` marks the last page (Coverlink's reading, see
         *     `ProposalList`).
         *
         *     In this list `tenure` is a string (`"1"`); the `health.proposal.initiated` webhook sends
         *     an integer.
         */
        get: operations["listHealthProposals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/business/health/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List health policies by session or date range
         * @description Policies issued in your users' sessions (OA-po), including offline policies, whose
         *     `quote_id` and `proposal_id` are null (OA-wh-po).
         *
         *     **Filter rule.** Send either `session_id`, or both `start_date` and `end_date` - never
         *     the two kinds together (OA-po). The date range may span at most 7 days; a wider range is
         *     an error (OA-po). JSON Schema cannot express these rules and the mock does not enforce
         *     them. `session_id` is optional (OA-po).
         *
         *     **Paging** by cursor: send the response's `end_cursor` as `next` and its `start_cursor`
         *     as `prev` (OA-po). A null or missing `end_cursor` marks the last page (Coverlink's
         *     reading, see `PolicyList`).
         *
         *     In this list the proposer's address lines sit directly under `proposer_details` (OA-po);
         *     the policy webhooks nest them under `proposer_details.address` (OA-wh-po).
         */
        get: operations["listHealthPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/embedded/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a loan-linked insurance quote
         * @description Calculates premiums from several insurers for one borrower and returns recommendations
         *     (OA-eq). `date_of_birth` is `DD/MM/YYYY`, `cover_amount` a decimal string and
         *     `policy_term` a number of months. `context_data` carries loan details as key/values
         *     pairs; the keys shown are `loan_amount`, `loan_tenure` and `disbursement_date`.
         *
         *     OA-eq's example body misspells `context_data` as `context_date`; its field table says
         *     `context_data`, which this spec follows.
         */
        post: operations["createEmbeddedQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/embedded/proposal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a proposal from an embedded quote's recommendation
         * @description Turns a recommendation of `createEmbeddedQuote` into a proposal, with the proposer's and
         *     insured members' details (OA-ep). The documented request sends `status: "DRAFT"`.
         *
         *     The response is **not documented**: the `{payload: {proposal_id, status}}` answer here
         *     is a Coverlink design (see `EmbeddedProposalResponse`). Later embedded steps (payment,
         *     issuance, policy retrieval) are not documented either.
         */
        post: operations["createEmbeddedProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "health.proposal.initiated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A proposal was submitted to OneAssure
         * @description The proposal has been submitted to OneAssure's internal system (OA-wh-pr). `data` is the full proposal; `tenure` is an integer here, a string in the proposals list.
         */
        post: operations["onHealthProposalInitiated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "health.proposal.pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A proposal passed OneAssure's initial checks
         * @description The proposal passed the initial checks and waits to be submitted to the insurer (OA-wh-pr).
         */
        post: operations["onHealthProposalPending"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "health.proposal.submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A proposal was submitted to the insurer
         * @description The proposal has been submitted to the insurer (OA-wh-pr).
         */
        post: operations["onHealthProposalSubmitted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "health.proposal.underwriting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A proposal is under the insurer's underwriting review
         * @description The proposal is under underwriting review with the insurer (OA-wh-pr).
         */
        post: operations["onHealthProposalUnderwriting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "health.proposal.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * OneAssure cancelled a proposal
         * @description OneAssure's internal system cancelled the proposal because it failed pre-underwriting checks; `cancelled_reason` says why (OA-wh-pr).
         */
        post: operations["onHealthProposalCancelled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "health.proposal.accepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The insurer accepted a proposal
         * @description The insurer accepted the proposal (OA-wh-pr). The policy follows with `health.policy.issued`.
         */
        post: operations["onHealthProposalAccepted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "health.proposal.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The insurer rejected a proposal
         * @description The insurer rejected the proposal; `rejection_reason` says why (OA-wh-pr).
         */
        post: operations["onHealthProposalRejected"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "health.proposal.offline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A proposal will be processed offline
         * @description The proposal will be processed offline (OA-wh-pr). The stored page cuts off this payload; see `ProposalOfflineData`.
         */
        post: operations["onHealthProposalOffline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "health.policy.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A policy was issued
         * @description A policy was issued (OA-wh-po). `data` is the policy, with the proposer's address nested
         *     under `proposer_details.address`. An offline policy fires this event only once approved,
         *     and then its `quote_id` and `proposal_id` are null (OA-wh-po).
         */
        post: operations["onHealthPolicyIssued"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "health.policy.uploaded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A policy was uploaded offline
         * @description A policy was uploaded offline (OA-wh-po); `health.policy.issued` follows once it is approved. The payload is undocumented: Coverlink assumes the `issued` policy object, with null `quote_id`/`proposal_id` as for every offline policy.
         */
        post: operations["onHealthPolicyUploaded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description RFC 7807-like error body (OA-auth). `type` is a OneAssure error code such as `A4001`, not a URI. */
        Problem: {
            /**
             * @description OneAssure error code - documented `A4001` (401), `A4290` (429), `E5000` (500).
             * @example A4001
             */
            type: string;
            /** @description Brief error description, e.g. `Invalid Authentication Credentials`. */
            title: string;
            /** @description Detailed error message; may be empty (`E5000` in OA-auth). */
            detail?: string;
            /** @description The API path where the error occurred, e.g. `/v1/auth/token`. */
            instance?: string;
        };
        /** @description The body of a 401 - `A4001` "Invalid Authentication Credentials" (OA-auth, token endpoint). */
        InvalidCredentialsProblem: components["schemas"]["Problem"] & {
            /**
             * @description Always `A4001`.
             * @constant
             */
            type?: "A4001";
        };
        /** @description The body of a 429 - `A4290` "Rate Limit Exceeded" (OA-auth, token endpoint). */
        RateLimitedProblem: components["schemas"]["Problem"] & {
            /**
             * @description Always `A4290`.
             * @constant
             */
            type?: "A4290";
        };
        /** @description The body of a 500 - `E5000` "An unexpected error occurred", with an empty `detail` (OA-auth, token endpoint). */
        UnexpectedErrorProblem: components["schemas"]["Problem"] & {
            /**
             * @description Always `E5000`.
             * @constant
             */
            type?: "E5000";
        };
        /**
         * @description Amount in rupees as a decimal string, e.g. `"8593.00"`; the docs also show whole rupees (`"1000000"`). Parse it as a decimal, never as a float.
         * @example 8593.00
         */
        Money: string;
        /** @description Token request (OA-auth). OA-redir adds `user_id` to the same body for session tokens. */
        TokenRequest: {
            /** @description Your API access key provided by OneAssure. */
            client_id: string;
            /** @description Your API secret access key provided by OneAssure. Server-side only. */
            client_secret: string;
            /** @description Scopes to grant; `["business"]` is the only documented value. Both pages always send it; that it is required is a Coverlink reading. */
            scopes: string[];
            /** @description Your platform's id for the end user (OA-redir). OA-redir sends it to mint the journey's session token and OA-auth's API token request omits it; that these are two kinds of token (a "session token" with it for the journey, a "business token" without it for API calls) is Coverlink's reading of the two pages, and whether the journey requires it is not documented. */
            user_id?: string;
        };
        /** @description Issued token, wrapped in `payload` (OA-auth). */
        TokenResponse: {
            payload: components["schemas"]["AccessToken"];
        };
        /** @description The token itself (OA-auth). */
        AccessToken: {
            /** @description JWT to send as `Authorization: Bearer …`, or as the journey's `session-token` query parameter. */
            access_token: string;
            /**
             * @description Seconds until the token expires (3600).
             * @example 3600
             */
            expires_in: number;
            /**
             * @description Always `Bearer` (OA-auth).
             * @enum {string}
             */
            token_type: "Bearer";
        };
        /** @description One page of quotes (OA-q). See `CursorPage` for the cursor fields. */
        QuoteList: {
            /** @description Quotes on this page. */
            quotes: components["schemas"]["Quote"][];
        } & components["schemas"]["CursorPage"];
        /** @description One page of proposals (OA-pr). See `CursorPage` for the cursor fields. */
        ProposalList: {
            /** @description Proposals on this page. */
            proposals: components["schemas"]["Proposal"][];
        } & components["schemas"]["CursorPage"];
        /** @description One page of policies (OA-po). See `CursorPage` for the cursor fields. */
        PolicyList: {
            /** @description Policies on this page. */
            policies: components["schemas"]["Policy"][];
        } & components["schemas"]["CursorPage"];
        /** @description Cursor fields shared by the three list responses (OA-q, OA-pr, OA-po). */
        CursorPage: {
            /** @description Cursor to send as `prev` for the preceding page. The parameter tables refer to it ("send the start_cursor from the response") but no sample shows it; its presence and type are Coverlink assumptions. */
            start_cursor?: string | null;
            /** @description Cursor to send as `next` for the following page (shown in OA-pr). How the last page is signalled is not documented; Coverlink assumes `end_cursor` is null or absent there. */
            end_cursor?: string | null;
            /** @description Whether another page follows. Not shown in any sample (Coverlink assumption); rely on `end_cursor`. */
            has_next?: boolean;
        };
        /** @description A quote generated in a session (OA-q). The stored page cuts the object off after `recommendations`, so further fields may appear. */
        Quote: {
            /** @description Session the quote belongs to (16-character opaque id). */
            session_id: string;
            /** @description Quote id (16-character opaque id). */
            quote_id: string;
            /** @description Cover amount. */
            sum_insured?: components["schemas"]["Money"];
            /**
             * @description Six-digit Indian postal code the quote was priced for.
             * @example 560001
             */
            pincode?: string;
            /** @description Deductible amount (`"0"` when none). */
            deductible?: components["schemas"]["Money"];
            /** @description Number of product variants being priced for this quote. */
            total_variants?: number;
            /** @description Number of variants priced so far. */
            completed_variants?: number;
            /** @description Members to be insured. */
            member_details?: components["schemas"]["MemberDetail"][];
            /**
             * @description Plan type; only `BASE` appears in the docs.
             * @example BASE
             */
            plan_type?: string;
            /** @description Customer's name. */
            customer_name?: string;
            /** @description Customer's mobile number. */
            customer_phone?: string;
            /**
             * @description Customer's gender as shown in the docs (`Male`), unlike the embedded APIs' `MALE`.
             * @example Male
             */
            customer_gender?: string;
            /** @description Customer's email address. */
            customer_email?: string;
            /** @description Insurer recommendations for this quote. */
            recommendations?: components["schemas"]["Recommendation"][];
        } & {
            [key: string]: unknown;
        };
        /** @description A member to be insured under a quote (OA-q). */
        MemberDetail: {
            /**
             * @description Relation to the customer, lower case in the docs (`self`, `daughter`).
             * @example self
             */
            relation: string;
            /** @description Age in years. */
            age: number;
        };
        /** @description An insurer recommendation within a quote (OA-q). The stored page cuts the object off after `company_name`, so further fields may appear. */
        Recommendation: {
            /** @description Recommendation id (16-character opaque id). */
            recommendation_id: string;
            /** @description Insurer id (16-character opaque id). */
            company_id?: string;
            /** @description Insurer name, e.g. `ICICI Lombard`. */
            company_name?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * @description Proposal status (OA-wh-pr). A proposal is "active" unless REJECTED or CANCELLED; only one can be active per quote and variant.
         * @enum {string}
         */
        ProposalStatus: "INITIATED" | "PENDING" | "SUBMITTED" | "UNDERWRITING" | "CANCELLED" | "ACCEPTED" | "REJECTED";
        /** @description Fields shared by the proposals list (OA-pr) and the `health.proposal.initiated` payload (OA-wh-pr). */
        ProposalCommon: {
            /** @description Proposal id (16-character opaque id). */
            proposal_id: string;
            /** @description Session the proposal belongs to. */
            session_id: string;
            /** @description Quote the proposal was created from. */
            quote_id: string;
            /** @description Proposer's name. */
            name?: string;
            /** @description Proposer's phone number. */
            phone?: string;
            /** @description Proposer's email address. */
            email?: string;
            /** @description Insurer name. */
            insurer_name?: string;
            /** @description Insurer id. */
            insurer_id?: string;
            /** @description Product name. */
            product_name?: string;
            /** @description Product id. */
            product_id?: string;
            /** @description Variant name. */
            variant_name?: string;
            /** @description Variant id. */
            variant_id?: string;
            /** @description Premium before GST. */
            net_premium?: components["schemas"]["Money"];
            /** @description Premium including GST. */
            gross_premium?: components["schemas"]["Money"];
            status: components["schemas"]["ProposalStatus"];
            /** @description The proposal form's answers. The docs show `{}` with a "TODO" comment; its structure is undocumented. */
            form_responses?: {
                [key: string]: unknown;
            };
        };
        /** @description A proposal as listed by `listHealthProposals` (OA-pr). `tenure` is a string here. */
        Proposal: components["schemas"]["ProposalCommon"] & {
            /**
             * @description Policy tenure in years, as a string (`"1"`) in this list.
             * @example 1
             */
            tenure?: string;
            /** @description The insurer's own proposal number; empty until the insurer assigns one. */
            insurer_proposal_id?: string;
            /** @description Why OneAssure cancelled the proposal (status CANCELLED). The docs' sample fills it on an ACCEPTED proposal too; treat it as meaningful only when CANCELLED. */
            cancelled_reason?: string;
            /** @description Why the insurer rejected the proposal (status REJECTED). Meaningful only when REJECTED. */
            rejection_reason?: string;
        };
        /** @description The full proposal sent with `health.proposal.initiated` (OA-wh-pr). `tenure` is an integer here. */
        InitiatedProposal: components["schemas"]["ProposalCommon"] & {
            /**
             * @description Policy tenure in years, as an integer (`1`) in the webhook.
             * @example 1
             */
            tenure?: number;
        };
        /** @description Payload of the proposal status events after `initiated` (OA-wh-pr). */
        ProposalStatusChange: {
            /** @description The proposal whose status changed. */
            proposal_id: string;
            status: components["schemas"]["ProposalStatus"];
        };
        /** @description Payload of `health.proposal.cancelled` (OA-wh-pr). */
        ProposalCancelledData: components["schemas"]["ProposalStatusChange"] & {
            /**
             * @description Always `CANCELLED`.
             * @constant
             */
            status: "CANCELLED";
            /** @description Why OneAssure cancelled the proposal (failed pre-underwriting checks). */
            cancelled_reason: string;
        };
        /** @description Payload of `health.proposal.rejected` (OA-wh-pr). */
        ProposalRejectedData: components["schemas"]["ProposalStatusChange"] & {
            /**
             * @description Always `REJECTED`.
             * @constant
             */
            status: "REJECTED";
            /** @description Why the insurer rejected the proposal. */
            rejection_reason: string;
        };
        /** @description Payload of `health.proposal.offline`. The stored page cuts it off; Coverlink assumes `{proposal_id, status}` like the other status events, with a status value not in the documented list (e.g. `OFFLINE`). */
        ProposalOfflineData: {
            /** @description The proposal moved to offline processing. */
            proposal_id: string;
            /**
             * @description Status value; undocumented for this event.
             * @example OFFLINE
             */
            status?: string;
        };
        /** @description Fields shared by the policies list (OA-po) and the policy webhooks (OA-wh-po). */
        PolicyCommon: {
            /** @description Session the policy belongs to. */
            session_id?: string;
            /** @description OneAssure's policy id (16-character opaque id). */
            policy_id: string;
            /** @description Quote the policy came from; null for offline policies (OA-wh-po). */
            quote_id?: string | null;
            /** @description Proposal the policy came from; null for offline policies (OA-wh-po). */
            proposal_id?: string | null;
            /**
             * @description The insurer's policy number.
             * @example 31-24-0134728-00
             */
            insurer_policy_number?: string;
            /**
             * @description Policy status; only `ISSUED` is documented.
             * @example ISSUED
             */
            status: string;
            /**
             * Format: date
             * @description Date the policy was issued.
             */
            issuance_date?: string;
            /**
             * Format: date
             * @description Last day of cover.
             */
            expiry_date?: string;
            /** @description Cover amount. */
            sum_insured?: components["schemas"]["Money"];
            /**
             * @description Policy type; only `FRESH` is documented.
             * @example FRESH
             */
            policy_type?: string;
            /**
             * @description Policy tenure in years. Both policy pages show an integer (`1`), unlike the proposals list's string.
             * @example 1
             */
            tenure?: number;
            /** @description Premium including GST. */
            gross_premium?: components["schemas"]["Money"];
            /** @description Insurer id. */
            insurer_id?: string;
            /** @description Insurer name. */
            insurer_name?: string;
            /**
             * Format: uri
             * @description URL of the insurer's logo.
             */
            insurer_logo?: string;
            /** @description Product id. */
            product_id?: string;
            /** @description Product name. */
            product_name?: string;
            /** @description Variant id. */
            variant_id?: string;
            /** @description Variant name. */
            variant_name?: string;
            /** @description The policy this one follows on from, when there is one. */
            previous_policy_id?: string;
            /** @description People covered by the policy. */
            insured_members?: components["schemas"]["InsuredMember"][];
            /** @description Nominees of the policy. */
            nominees?: components["schemas"]["Nominee"][];
            /** @description Riders (add-on covers) on the policy. */
            riders?: components["schemas"]["Rider"][];
        };
        /** @description A policy as listed by `listHealthPolicies` (OA-po), with the proposer's address lines flat under `proposer_details`. */
        Policy: components["schemas"]["PolicyCommon"] & {
            proposer_details?: components["schemas"]["ProposerDetails"];
        };
        /** @description A policy as sent by the policy webhooks (OA-wh-po), with the proposer's address nested under `proposer_details.address`. */
        WebhookPolicy: components["schemas"]["PolicyCommon"] & {
            proposer_details?: components["schemas"]["WebhookProposerDetails"];
        };
        /** @description The policy's proposer in the policies list (OA-po) - address lines directly on this object. */
        ProposerDetails: {
            /** @description First address line. */
            address_line_1?: string;
            /** @description Second address line. */
            address_line_2?: string;
            /** @description City. */
            city?: string;
            /** @description State. */
            state?: string;
            /** @description Country, e.g. `India`. */
            country?: string;
            /** @description Six-digit postal code. */
            pincode?: string;
            /**
             * Format: date
             * @description Date of birth.
             */
            dob?: string;
            /** @description Email address. */
            email?: string;
            /** @description Full name. */
            name?: string;
            /** @description Phone number. */
            phone?: string;
            bank_details?: components["schemas"]["BankDetails"];
        };
        /** @description The policy's proposer in the policy webhooks (OA-wh-po) - address nested under `address`. */
        WebhookProposerDetails: {
            address?: components["schemas"]["PolicyAddress"];
            /**
             * Format: date
             * @description Date of birth.
             */
            dob?: string;
            /** @description Email address. */
            email?: string;
            /** @description Full name. */
            name?: string;
            /** @description Phone number. */
            phone?: string;
            bank_details?: components["schemas"]["BankDetails"];
        };
        /** @description The proposer's address in the policy webhooks (OA-wh-po). */
        PolicyAddress: {
            /** @description First address line. */
            address_line_1?: string;
            /** @description Second address line. */
            address_line_2?: string;
            /** @description City. */
            city?: string;
            /** @description State. */
            state?: string;
            /** @description Country, e.g. `India`. */
            country?: string;
            /** @description Six-digit postal code. */
            pincode?: string;
        };
        /** @description The proposer's bank account (OA-wh-po). */
        BankDetails: {
            /** @description Bank id. */
            bank_id?: string;
            /** @description Account number. Personal financial data - do not log it. */
            bank_account_number?: string;
            /** @description Bank name. */
            bank_name?: string;
            /** @description Branch id. */
            branch_id?: string;
            /** @description Branch name. */
            branch_name?: string;
            /** @description Indian Financial System Code of the branch, e.g. `ICIC0000001`. */
            ifsc_code?: string;
        };
        /** @description A person covered by the policy (OA-wh-po). */
        InsuredMember: {
            /** @description Member id (16-character opaque id). */
            member_id: string;
            /**
             * Format: date
             * @description Date of birth.
             */
            dob?: string;
            /**
             * @description Gender as shown in the docs (`Male`).
             * @example Male
             */
            gender?: string;
            /** @description Full name. */
            name?: string;
            /** @description Declared pre-existing diseases. */
            pre_existing_diseases?: string[];
            /**
             * @description Relationship to the proposer, upper case in the docs (`SELF`).
             * @example SELF
             */
            relationship?: string;
        };
        /** @description A nominee of the policy (OA-wh-po). */
        Nominee: {
            /** @description Nominee id (16-character opaque id). */
            nominee_id: string;
            /** @description Nominee's name. */
            nominee_name?: string;
            /** @description Nominee's phone number. */
            nominee_phone?: string;
            /**
             * @description Relationship to the proposer, as shown in the docs (`Spouse`).
             * @example Spouse
             */
            relationship?: string;
        };
        /** @description A rider on the policy (OA-wh-po). The stored page cuts the object off after `name`, so further fields may appear. */
        Rider: {
            /** @description Rider id (16-character opaque id). */
            id: string;
            /** @description Rider name. */
            name?: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Borrower and loan details to price (OA-eq). */
        EmbeddedQuoteRequest: {
            /**
             * @description Date of birth, `DD/MM/YYYY`.
             * @example 01/01/1995
             */
            date_of_birth: string;
            gender: components["schemas"]["EmbeddedGender"];
            /** @description Total cover amount as a decimal string, e.g. `"500000.00"`. */
            cover_amount: components["schemas"]["Money"];
            /**
             * @description Policy term in months (OA-eq types it as a number; its example is `24`).
             * @example 24
             */
            policy_term: number;
            /** @description Loan context as key/values pairs (keys shown - `loan_amount`, `loan_tenure`, `disbursement_date`). OA-eq's example body misspells this field as `context_date`. */
            context_data?: components["schemas"]["ContextData"][];
        };
        /**
         * @description Gender in the embedded APIs (OA-eq, OA-ep).
         * @enum {string}
         */
        EmbeddedGender: "MALE" | "FEMALE";
        /** @description One loan-context parameter (OA-eq). */
        ContextData: {
            /**
             * @description Parameter name, e.g. `loan_amount`, `loan_tenure`, `disbursement_date`.
             * @example loan_amount
             */
            key: string;
            /** @description The parameter's values, as strings. */
            values: string[];
        };
        /** @description Quote result, wrapped in `payload` (OA-eq). */
        EmbeddedQuoteResponse: {
            payload: components["schemas"]["EmbeddedQuote"];
        };
        /** @description The priced quote (OA-eq). */
        EmbeddedQuote: {
            /**
             * @description Quote id, prefixed `quo_`.
             * @example quo_18M6aOiODyyf37DM
             */
            quote_id: string;
            /** @description Number of products that matched the request. */
            matched_products?: number;
            /** @description One entry per matched product variant. */
            recommendations: components["schemas"]["EmbeddedRecommendation"][];
        };
        /** @description A priced product variant (OA-eq). When `is_error` is true, `error_message` says why the insurer could not quote. */
        EmbeddedRecommendation: {
            /** @description Recommendation id, prefixed `rec_`; send it to `createEmbeddedProposal`. */
            recommendation_id: string;
            /** @description Insurer name. */
            insurer_name?: string;
            /**
             * Format: uri
             * @description URL of the insurer's logo.
             */
            insurer_logo?: string;
            /** @description Product id, prefixed `pro_`. */
            product_id?: string;
            /** @description Product name. */
            product_name?: string;
            /** @description Variant id, prefixed `vrt_`. */
            variant_id?: string;
            /** @description Variant name. */
            variant_name?: string;
            /** @description Premium before GST. */
            base_premium?: components["schemas"]["Money"];
            /** @description GST on the premium. */
            gst?: components["schemas"]["Money"];
            /** @description Premium including GST. */
            total_premium?: components["schemas"]["Money"];
            /** @description Whether pricing this variant failed. */
            is_error: boolean;
            /** @description Why pricing failed; empty when `is_error` is false. */
            error_message?: string;
        };
        /** @description Proposal for a recommendation of an embedded quote (OA-ep). Which fields are mandatory is not documented; Coverlink requires the ids, `status`, the proposer and one insured member, and per person the name, date of birth and gender. */
        EmbeddedProposalRequest: {
            /** @description The `quo_…` id from `createEmbeddedQuote`. */
            quote_id: string;
            /** @description The chosen `rec_…` recommendation of that quote. */
            recommendation_id: string;
            /**
             * @description Proposal status to create; `DRAFT` is the only documented value.
             * @enum {string}
             */
            status: "DRAFT";
            proposer: components["schemas"]["EmbeddedPerson"];
            /** @description People to insure. The stored page cuts the member object off; Coverlink assumes it has the proposer's shape, as its readable part does. */
            insured_members: components["schemas"]["EmbeddedPerson"][];
        };
        /** @description The proposer or an insured member of an embedded proposal (OA-ep). */
        EmbeddedPerson: {
            /**
             * @description Title, e.g. `MR`.
             * @example MR
             */
            title?: string;
            /** @description First name. */
            first_name: string;
            /** @description Middle name. */
            middle_name?: string;
            /** @description Last name. */
            last_name: string;
            /** @description Email address. */
            email?: string;
            /**
             * @description Mobile number without the country code.
             * @example 9876543210
             */
            mobile?: string;
            /**
             * @description Dialling code, e.g. `+91`.
             * @example +91
             */
            country_code?: string;
            /** @description Date of birth, `DD/MM/YYYY`. */
            date_of_birth: string;
            address?: components["schemas"]["EmbeddedAddress"];
            /**
             * @description Nationality code, e.g. `IND`.
             * @example IND
             */
            nationality?: string;
            gender: components["schemas"]["EmbeddedGender"];
            /**
             * @description Marital status, e.g. `SINGLE`. Other values are not documented.
             * @example SINGLE
             */
            marital_status?: string;
            /**
             * @description Annual income in rupees as a string, e.g. `"1200000"`.
             * @example 1200000
             */
            annual_income?: string;
            /**
             * @description Occupation code, e.g. `SERVICE`. Other values are not documented.
             * @example SERVICE
             */
            occupation?: string;
            /**
             * @description Organisation type, e.g. `GOVERNMENT`. Other values are not documented.
             * @example GOVERNMENT
             */
            organization?: string;
            /**
             * @description Education level, e.g. `POST_GRADUATE`. Other values are not documented.
             * @example POST_GRADUATE
             */
            education?: string;
            /** @description Employer's name. */
            employer?: string;
            /** @description Identity documents. */
            documents?: components["schemas"]["IdentityDocument"][];
        };
        /** @description Address in the embedded proposal (OA-ep). */
        EmbeddedAddress: {
            /** @description First address line. */
            address_line_1?: string;
            /** @description Second address line. */
            address_line_2?: string;
            /** @description Third address line (may be empty). */
            address_line_3?: string;
            /** @description City. */
            city?: string;
            /** @description State. */
            state?: string;
            /** @description Country, e.g. `India`. */
            country?: string;
            /**
             * @description Six-digit postal code.
             * @example 560001
             */
            pincode?: string;
        };
        /** @description An identity document of the proposer (OA-ep). */
        IdentityDocument: {
            /**
             * @description Document type - PAN card or Aadhaar (spelled `AADHAR` in the API).
             * @enum {string}
             */
            document_type: "PAN" | "AADHAR";
            /** @description The document's number. Personal data - do not log it. */
            document_number: string;
        };
        /** @description Answer of `createEmbeddedProposal`. OA-ep shows no response; this `payload` wrapper, mirroring the documented token and quote answers, is a Coverlink design. */
        EmbeddedProposalResponse: {
            payload: components["schemas"]["EmbeddedProposal"];
        };
        /** @description The created proposal (Coverlink design, see `EmbeddedProposalResponse`). */
        EmbeddedProposal: {
            /** @description Proposal id; a `prp_` prefix like the other embedded ids is assumed. */
            proposal_id: string;
            /**
             * @description Status of the new proposal, `DRAFT` as requested.
             * @example DRAFT
             */
            status: string;
        };
        /** @description Envelope Coverlink assumes around every webhook payload - OA-wh-pr and OA-wh-po show only the payloads (`data` here) and no event-name field. Confirm the real wrapping with OneAssure before going live. */
        WebhookEventEnvelope: {
            /** @description Event name, e.g. `health.proposal.accepted`. */
            event: string;
            /**
             * Format: date-time
             * @description When OneAssure emitted the event.
             */
            created_at: string;
            /** @description The documented payload; each event schema narrows it. */
            data: {
                [key: string]: unknown;
            };
        };
        /**
         * @description Any OneAssure webhook event. A single receiving endpoint gets every event, so receivers
         *     parse this union: each event listed here has its own payload, told apart by `event`, and
         *     any other event name parses as `UnknownOneAssureWebhookEvent` instead of failing, so an
         *     event OneAssure adds later does not break a receiver. No `discriminator`: it would map
         *     every `event` to a listed member and so refuse the new ones.
         */
        OneAssureWebhookEvent: components["schemas"]["ProposalInitiatedEvent"] | components["schemas"]["ProposalPendingEvent"] | components["schemas"]["ProposalSubmittedEvent"] | components["schemas"]["ProposalUnderwritingEvent"] | components["schemas"]["ProposalCancelledEvent"] | components["schemas"]["ProposalAcceptedEvent"] | components["schemas"]["ProposalRejectedEvent"] | components["schemas"]["ProposalOfflineEvent"] | components["schemas"]["PolicyIssuedEvent"] | components["schemas"]["PolicyUploadedEvent"] | components["schemas"]["UnknownOneAssureWebhookEvent"];
        /** @description An event whose name this document does not list - the envelope with an untyped `data`. Acknowledge it, then ignore or log it. */
        UnknownOneAssureWebhookEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /** @description An event name not listed in `OneAssureWebhookEvent`. */
            event: string;
        };
        /** @description `health.proposal.initiated` (OA-wh-pr): `data` is the full proposal. */
        ProposalInitiatedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event name.
             * @constant
             */
            event: "health.proposal.initiated";
            data: components["schemas"]["InitiatedProposal"];
        };
        /** @description `health.proposal.pending` (OA-wh-pr). */
        ProposalPendingEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event name.
             * @constant
             */
            event: "health.proposal.pending";
            /** @description The proposal and its new status. */
            data: components["schemas"]["ProposalStatusChange"] & {
                /**
                 * @description Always `PENDING`.
                 * @constant
                 */
                status: "PENDING";
            };
        };
        /** @description `health.proposal.submitted` (OA-wh-pr). */
        ProposalSubmittedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event name.
             * @constant
             */
            event: "health.proposal.submitted";
            /** @description The proposal and its new status. */
            data: components["schemas"]["ProposalStatusChange"] & {
                /**
                 * @description Always `SUBMITTED`.
                 * @constant
                 */
                status: "SUBMITTED";
            };
        };
        /** @description `health.proposal.underwriting` (OA-wh-pr). */
        ProposalUnderwritingEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event name.
             * @constant
             */
            event: "health.proposal.underwriting";
            /** @description The proposal and its new status. */
            data: components["schemas"]["ProposalStatusChange"] & {
                /**
                 * @description Always `UNDERWRITING`.
                 * @constant
                 */
                status: "UNDERWRITING";
            };
        };
        /** @description `health.proposal.cancelled` (OA-wh-pr): carries `cancelled_reason`. */
        ProposalCancelledEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event name.
             * @constant
             */
            event: "health.proposal.cancelled";
            data: components["schemas"]["ProposalCancelledData"];
        };
        /** @description `health.proposal.accepted` (OA-wh-pr). */
        ProposalAcceptedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event name.
             * @constant
             */
            event: "health.proposal.accepted";
            /** @description The proposal and its new status. */
            data: components["schemas"]["ProposalStatusChange"] & {
                /**
                 * @description Always `ACCEPTED`.
                 * @constant
                 */
                status: "ACCEPTED";
            };
        };
        /** @description `health.proposal.rejected` (OA-wh-pr): carries `rejection_reason`. */
        ProposalRejectedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event name.
             * @constant
             */
            event: "health.proposal.rejected";
            data: components["schemas"]["ProposalRejectedData"];
        };
        /** @description `health.proposal.offline` (OA-wh-pr): the proposal will be processed offline. */
        ProposalOfflineEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event name.
             * @constant
             */
            event: "health.proposal.offline";
            data: components["schemas"]["ProposalOfflineData"];
        };
        /** @description `health.policy.issued` (OA-wh-po): `data` is the policy. */
        PolicyIssuedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event name.
             * @constant
             */
            event: "health.policy.issued";
            data: components["schemas"]["WebhookPolicy"];
        };
        /** @description `health.policy.uploaded` (OA-wh-po lists the event; its payload, assumed to be the policy, is not documented). */
        PolicyUploadedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event name.
             * @constant
             */
            event: "health.policy.uploaded";
            data: components["schemas"]["WebhookPolicy"];
        };
    };
    responses: {
        /** @description Malformed request (unparseable JSON, a date not in `YYYY-MM-DD`, a wrongly typed field). No source documents 400s; the status and the `A4000` code are Coverlink assumptions. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description Wrong `client_id` or `client_secret` (OA-auth). Do not retry with the same credentials. */
        InvalidCredentials: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InvalidCredentialsProblem"];
            };
        };
        /** @description Missing, malformed or expired bearer token. OA-auth documents `A4001` only for the token endpoint; Coverlink assumes the same problem on API calls. Fetch a new token and retry once. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InvalidCredentialsProblem"];
            };
        };
        /** @description The token may not call this API, e.g. it lacks the `business` scope or the client is not enabled for embedded APIs. Not documented; status and `A4030` code are Coverlink assumptions. Do not retry; contact OneAssure. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description The referenced `quote_id` or `recommendation_id` does not exist or belongs to another client. Not documented; status and `A4040` code are Coverlink assumptions. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description A rule is broken - a date range over 7 days or `session_id` with a date range (documented as errors, OA-q/OA-pr/OA-po), no filter at all, or an invalid embedded body. The docs only say "will return an error": status 422 and code `A4220` are Coverlink assumptions. */
        ValidationError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many token requests (OA-auth). Wait 60 seconds - the wait OA-auth states in `detail` - or the `Retry-After` value if one is sent, and reuse tokens instead of minting one per call. */
        TokenRateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RateLimitedProblem"];
            };
        };
        /** @description Rate limit exceeded on an API call. Only the token endpoint's limit is documented (OA-auth); API-wide limits, this status here and the reuse of `A4290` are Coverlink assumptions. Wait `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RateLimitedProblem"];
            };
        };
        /** @description Unexpected OneAssure error on the token endpoint, `E5000` (OA-auth). Retry with backoff. */
        TokenInternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnexpectedErrorProblem"];
            };
        };
        /** @description Unexpected OneAssure error on an API call. OA-auth documents `E5000` for the token endpoint only; that the other operations answer the same problem is a Coverlink assumption. Retry idempotent calls with backoff. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnexpectedErrorProblem"];
            };
        };
        /** @description The receiver accepted the event. OneAssure documents no acknowledgement, timeout or retry rules; Coverlink assumes any 2xx acknowledges and that delivery may repeat, so handle events idempotently (e.g. on `proposal_id` + `status`). */
        WebhookAcknowledged: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The receiver refuses a delivery that lacks its secret path or query token, or comes from outside its IP allowlist. OneAssure documents no signature scheme, so these are the receiver's own safeguards; how OneAssure treats a refusal is not documented. */
        WebhookRejected: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
    };
    parameters: {
        /**
         * @description Only items of this session (a user's journey). Do not combine with `start_date`/`end_date`:
         *     send either `session_id` or both dates. OA-q and OA-pr mark it required, OA-po optional;
         *     since all three accept a date range instead, this spec treats it as optional.
         * @example u8jzPde0IgxLd6Gn
         */
        SessionId: string;
        /**
         * @description First day of the date range, `YYYY-MM-DD`. Send together with `end_date`, never with `session_id`; the range may span at most 7 days (a wider range is an error).
         * @example 2026-06-01
         */
        StartDate: string;
        /**
         * @description Last day of the date range, `YYYY-MM-DD`. Send together with `start_date`, never with `session_id`; at most 7 days after `start_date` (a wider range is an error).
         * @example 2026-06-07
         */
        EndDate: string;
        /**
         * @description Cursor of the following page - the previous response's `end_cursor`.
         * @example cXVvdGU6VGVLZE5uRlJJQlh1REw3RA
         */
        Next: string;
        /**
         * @description Cursor of the preceding page - the current response's `start_cursor`.
         * @example cXVvdGU6eHRwWWxTWHBmS3RIRjR2VQ
         */
        Prev: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Seconds to wait before retrying. OA-auth states the wait only in the problem's `detail` ("Please try again in 60 seconds"); the header is a Coverlink assumption.
         * @example 60
         */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createAuthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description Token issued, wrapped in `payload` (OA-auth). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["InvalidCredentials"];
            429: components["responses"]["TokenRateLimited"];
            500: components["responses"]["TokenInternalServerError"];
        };
    };
    listHealthQuotes: {
        parameters: {
            query?: {
                /**
                 * @description Only items of this session (a user's journey). Do not combine with `start_date`/`end_date`:
                 *     send either `session_id` or both dates. OA-q and OA-pr mark it required, OA-po optional;
                 *     since all three accept a date range instead, this spec treats it as optional.
                 * @example u8jzPde0IgxLd6Gn
                 */
                session_id?: components["parameters"]["SessionId"];
                /**
                 * @description First day of the date range, `YYYY-MM-DD`. Send together with `end_date`, never with `session_id`; the range may span at most 7 days (a wider range is an error).
                 * @example 2026-06-01
                 */
                start_date?: components["parameters"]["StartDate"];
                /**
                 * @description Last day of the date range, `YYYY-MM-DD`. Send together with `start_date`, never with `session_id`; at most 7 days after `start_date` (a wider range is an error).
                 * @example 2026-06-07
                 */
                end_date?: components["parameters"]["EndDate"];
                /**
                 * @description Cursor of the following page - the previous response's `end_cursor`.
                 * @example cXVvdGU6VGVLZE5uRlJJQlh1REw3RA
                 */
                next?: components["parameters"]["Next"];
                /**
                 * @description Cursor of the preceding page - the current response's `start_cursor`.
                 * @example cXVvdGU6eHRwWWxTWHBmS3RIRjR2VQ
                 */
                prev?: components["parameters"]["Prev"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of quotes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listHealthProposals: {
        parameters: {
            query?: {
                /**
                 * @description Only items of this session (a user's journey). Do not combine with `start_date`/`end_date`:
                 *     send either `session_id` or both dates. OA-q and OA-pr mark it required, OA-po optional;
                 *     since all three accept a date range instead, this spec treats it as optional.
                 * @example u8jzPde0IgxLd6Gn
                 */
                session_id?: components["parameters"]["SessionId"];
                /**
                 * @description First day of the date range, `YYYY-MM-DD`. Send together with `end_date`, never with `session_id`; the range may span at most 7 days (a wider range is an error).
                 * @example 2026-06-01
                 */
                start_date?: components["parameters"]["StartDate"];
                /**
                 * @description Last day of the date range, `YYYY-MM-DD`. Send together with `start_date`, never with `session_id`; at most 7 days after `start_date` (a wider range is an error).
                 * @example 2026-06-07
                 */
                end_date?: components["parameters"]["EndDate"];
                /**
                 * @description Cursor of the following page - the previous response's `end_cursor`.
                 * @example cXVvdGU6VGVLZE5uRlJJQlh1REw3RA
                 */
                next?: components["parameters"]["Next"];
                /**
                 * @description Cursor of the preceding page - the current response's `start_cursor`.
                 * @example cXVvdGU6eHRwWWxTWHBmS3RIRjR2VQ
                 */
                prev?: components["parameters"]["Prev"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of proposals. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listHealthPolicies: {
        parameters: {
            query?: {
                /**
                 * @description Only items of this session (a user's journey). Do not combine with `start_date`/`end_date`:
                 *     send either `session_id` or both dates. OA-q and OA-pr mark it required, OA-po optional;
                 *     since all three accept a date range instead, this spec treats it as optional.
                 * @example u8jzPde0IgxLd6Gn
                 */
                session_id?: components["parameters"]["SessionId"];
                /**
                 * @description First day of the date range, `YYYY-MM-DD`. Send together with `end_date`, never with `session_id`; the range may span at most 7 days (a wider range is an error).
                 * @example 2026-06-01
                 */
                start_date?: components["parameters"]["StartDate"];
                /**
                 * @description Last day of the date range, `YYYY-MM-DD`. Send together with `start_date`, never with `session_id`; at most 7 days after `start_date` (a wider range is an error).
                 * @example 2026-06-07
                 */
                end_date?: components["parameters"]["EndDate"];
                /**
                 * @description Cursor of the following page - the previous response's `end_cursor`.
                 * @example cXVvdGU6VGVLZE5uRlJJQlh1REw3RA
                 */
                next?: components["parameters"]["Next"];
                /**
                 * @description Cursor of the preceding page - the current response's `start_cursor`.
                 * @example cXVvdGU6eHRwWWxTWHBmS3RIRjR2VQ
                 */
                prev?: components["parameters"]["Prev"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of policies. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createEmbeddedQuote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmbeddedQuoteRequest"];
            };
        };
        responses: {
            /** @description The quote and its recommendations, wrapped in `payload` (OA-eq). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmbeddedQuoteResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createEmbeddedProposal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmbeddedProposalRequest"];
            };
        };
        responses: {
            /** @description The proposal was created as a draft. OA-ep shows no response; this status code and body are Coverlink's design. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmbeddedProposalResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /** @description An active proposal already exists for this quote and variant. OA-pr documents the one-active-proposal rule; the status code and body are Coverlink assumptions. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    onHealthProposalInitiated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalInitiatedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onHealthProposalPending: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalPendingEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onHealthProposalSubmitted: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalSubmittedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onHealthProposalUnderwriting: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalUnderwritingEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onHealthProposalCancelled: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalCancelledEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onHealthProposalAccepted: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalAcceptedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onHealthProposalRejected: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalRejectedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onHealthProposalOffline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalOfflineEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onHealthPolicyIssued: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyIssuedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onHealthPolicyUploaded: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PolicyUploadedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
}
