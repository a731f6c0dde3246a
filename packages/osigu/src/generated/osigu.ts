/**
 * Generated from specs/osigu/openapi.yaml by @coverlink/codegen (openapi-typescript). Do not edit by hand:
 * change the spec and run `pnpm nx run @coverlink/osigu:codegen`.
 */

export interface paths {
    "/v1/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Obtain an access token (client-credentials grant)
         * @description OAuth2 client-credentials grant against the OSIGU SSO server (O-qs step 1, O-tok).
         *     The client authenticates with HTTP Basic `client_id:client_secret` and sends the form
         *     body `grant_type=client_credentials`; no `scope` parameter is sent - scopes are set per
         *     client on the server side. There are no refresh tokens.
         *
         *     Cache the token for about 50 minutes (it lives 3600 s): the endpoint is rate-limited to
         *     **10 requests per minute per client_id** (O-tok, O-iss).
         *
         *     Production uses `https://api.osigu.com/v1/oauth/token`.
         *
         *     Other variant: the DVS docs (V-tok) describe the same URL with `grant_type` in the query
         *     string and an empty body, returning an opaque UUID token with `expires_in: 86399`,
         *     `scope: "read write"` and `extensions.provider_slug`. This spec follows O-qs.
         */
        post: operations["getAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsors/{sponsor_slug}/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the fields of a sponsor's beneficiary search form
         * @description The sponsor's search form varies; list it first, fill the fields in and call
         *     `searchBeneficiary` (O-qs step 2, O-iss). Typical field sets are
         *     `document_type` + `document_number`, or `member_id` + `birthdate`.
         *     The response shape is a Coverlink design (see `SponsorSearchForm`).
         */
        get: operations["listSponsorForms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sponsors/{sponsor_slug}/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search a beneficiary in the sponsor's directory
         * @description Identify the beneficiary in the sponsor's directory with the fields listed by
         *     `listSponsorForms` (O-qs step 2, O-iss). The response includes the beneficiary and
         *     their active coverage; persist `beneficiary_id` for subsequent calls.
         *
         *     Other variant: some O-S schema pages show `beneficiary_id` as int64; this spec uses the
         *     quickstart's prefixed string ids.
         */
        post: operations["searchBeneficiary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/sponsors/{sponsor_slug}/configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a sponsor's authorization-request configuration
         * @description What the sponsor requires for an authorization request of a product type: required
         *     fields, accepted `authorization_type`s, whether OTP or biometric verification is needed,
         *     and whether it processes synchronously or asynchronously (O-iss, O-cSp). Check it when
         *     `createAuthorizationRequest` answers 422 (O-qs troubleshooting).
         *     The response shape is partly a Coverlink design (see `SponsorConfiguration`).
         */
        get: operations["getSponsorConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/sponsors/{sponsor_slug}/document-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the sponsor's indication document policy
         * @description Which indication file types the sponsor requires, which content types it accepts and
         *     the maximum file size. O-qs names this operation (troubleshooting: "Check
         *     getAuthorizationDocumentPolicy for the required types") but no source shows its path
         *     or response; both are Coverlink designs.
         */
        get: operations["getAuthorizationDocumentPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/authorization-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Initiate a pre-authorization request
         * @description Submit the request that will produce one or more authorizations, grouped per product
         *     type according to sponsor rules (O-qs step 3, O-cAuth). Answers **202 Accepted** with
         *     status `PENDING_INDICATION` when the sponsor needs the medical indication document
         *     before it can process the request.
         *
         *     Other variant: the O-S `CreatePendingAuthorizationRequest` schema page shows an int64
         *     `beneficiary_id`, `diagnoses[{coding_system, code, type}]`, `treatments[…]` and doctor
         *     fields instead of `diagnosis_code`; this spec follows O-qs and O-cAuth.
         */
        post: operations["createAuthorizationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/authorization-requests/{authorization_request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an authorization request
         * @description The full authorization request with its products and resulting authorizations
         *     (path from O-tok's example). Poll it for asynchronous sponsors, or subscribe to
         *     webhooks instead.
         *
         *     Other variant: the O-S `AuthorizationRequestResource` page shows an int64 `id`,
         *     `diagnoses[]`, doctor fields and `created_by`/`updated_by`.
         */
        get: operations["getAuthorizationRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/authorization-requests/{authorization_request_id}/upload/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach the indication document (multipart)
         * @description Attach the signed prescription, referral or other indication the sponsor requires
         *     (O-qs step 4). Answers 204 No Content; the file is then attached to the request.
         *     `getAuthorizationDocumentPolicy` tells which `file_type` the sponsor requires.
         *     O-ref lists multipart, form-data and Base64 variants; the path is the one O-qs shows
         *     (public-facts could not re-verify it).
         */
        post: operations["uploadAuthorizationIndication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/authorization-requests/{authorization_request_id}/upload/base64": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach the indication document (Base64 JSON)
         * @description Same effect as `uploadAuthorizationIndication`, with a JSON body carrying the file as
         *     Base64 (O-qs names the operation; O-ref lists a Base64 variant). No source shows the
         *     path or body field names; both are Coverlink designs.
         */
        post: operations["attachAuthorizationIndicationBase64"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/authorization-requests/{authorization_request_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete the request (submit it to the sponsor)
         * @description Signal OSIGU that the request is ready for processing (O-qs step 5). Synchronous
         *     sponsors answer **200** with the resulting authorizations (O-qs, O-wh). Asynchronous
         *     sponsors accept the request and notify the outcome by webhook (`authorization.created`
         *     / `authorization.rejected`); Coverlink models that acceptance as **202** (see the 202
         *     response).
         *
         *     If the indication was not attached, or not with the `file_type` the sponsor requires,
         *     the request stays in `PENDING_INDICATION` after this call (O-qs troubleshooting).
         *
         *     Other variant: O-cAuth/O-cSp prose says synchronous sponsors return status `APPROVED`
         *     for the request; O-qs shows request status `COMPLETED` with per-authorization
         *     `APPROVED`. This spec follows O-qs.
         */
        post: operations["completeAuthorizationRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dispensing/v1/dispensations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start dispensing an authorization or prescription
         * @description Start a dispensation at the counter with an authorization code or a prescription code
         *     (O-disp). The response says which products can be dispensed and whether the
         *     beneficiary must be verified (OTP via `sendOtp`/`validateOtp`, or biometric) before
         *     `completeDispensation`.
         *
         *     Other variant: the O-S `StartDispensationRequest` page also shows `pin`,
         *     `currency_code`, `external_verifications[]` and `products[{id, price, taxes, quantity,
         *     product_code, substitute_product_code, substitute_quantity, substitution_reason_enum}]`.
         */
        post: operations["startDispensation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dispensing/v1/dispensations/{dispensation_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a dispensation with the sale document
         * @description Close the dispensation with the sale document (invoice) data. The body follows the O-S
         *     `CompleteDispensationRequest` page; the path is not documented - Coverlink assumes the
         *     same `/complete` pattern as authorization requests.
         */
        post: operations["completeDispensation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/otp/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a one-time password to the beneficiary
         * @description Send an OTP to the beneficiary when `startDispensation` answers `verification_required` OTP (O-disp).
         */
        post: operations["sendOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/otp/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Validate the one-time password
         * @description Validate the code the beneficiary received; the returned `otp_verification_token` proves the verification (O-disp).
         */
        post: operations["validateOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/outpatient-care-claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open an outpatient care claim
         * @description File the claim after the service is rendered (O-qs next steps, O-claim). The path is
         *     singular and the response is `201 {claim_id, status: OPEN, created_at}` (O-claim); the
         *     request body is not documented and is a Coverlink design (see
         *     `CreateOutpatientCareClaimRequest`).
         */
        post: operations["createOutpatientCareClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/outpatient-care-claim/{claim_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an outpatient care claim
         * @description The claim and its status (path from O-claim; body fields beyond id, status and dates are a Coverlink design).
         */
        get: operations["getOutpatientCareClaim"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/outpatient-care-claim/{claim_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete (submit) an outpatient care claim
         * @description O-qs mentions the claim's "completion endpoint" but no source shows its path, body or
         *     response; Coverlink assumes `POST …/{claim_id}/complete` without a body, returning the
         *     claim with its new status.
         */
        post: operations["completeOutpatientCareClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/providers/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the provider's registered products
         * @description Paginated list of the products the calling provider registered, filterable by product type and free text (O-pp).
         */
        get: operations["listProviderProducts"];
        put?: never;
        /**
         * Register a product the provider offers
         * @description Register a catalogue product as offered by the calling provider (O-pp). Requests for unregistered products fail with 422 `071-104`.
         */
        post: operations["registerProviderProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/providers/products/{product_code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unregister a product
         * @description Remove a product from the provider's registered products (O-pp).
         */
        delete: operations["deleteProviderProduct"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arc/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List catalogue products
         * @description The shared ARC product catalogue, filterable by product type (O-pp). Pagination follows D-pagination; the item fields beyond code and type are a Coverlink design (see `Product`).
         */
        get: operations["listProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/medical-catalogs/v1/medications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the medication catalogue
         * @description Free-text search in the shared medication catalogue, used by ePrescription (O-rx). The item fields are a Coverlink design (see `Medication`).
         */
        get: operations["searchMedications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/medical-catalogs/v1/diagnoses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the diagnosis catalogue
         * @description Free-text search in the shared diagnosis catalogue (O-rx). Item fields follow the `diagnoses[{coding_system, code}]` shape of the O-S pages plus a description.
         */
        get: operations["searchDiagnoses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ehr/v1/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List or search the provider's patients
         * @description ePrescription patients (path from O-rx). Filters and item fields are a Coverlink design (see `Patient`).
         */
        get: operations["listPatients"];
        put?: never;
        /**
         * Create a patient
         * @description Register a patient before prescribing (path from O-rx). The body and response are a Coverlink design (see `CreatePatientRequest`).
         */
        post: operations["createPatient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ehr/v1/prescriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue an electronic prescription
         * @description Issue an electronic prescription for a patient (path from O-rx). The response follows
         *     the prescription widget's `PrescriptionOutcome` (`prescription_id`,
         *     `prescription_code`, `version`, `status: PRESCRIPTION_ISSUED`, O-wid); the body is a
         *     Coverlink design (see `CreatePrescriptionRequest`).
         *
         *     Other variants (O-rx): `POST /ehr/v1.1/prescriptions` adds patient consent, and
         *     `POST /ehr/v2/prescriptions` serves the Spain repository. Neither is described here.
         */
        post: operations["createPrescription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook subscriptions
         * @description The provider's webhook subscriptions. Only the POST is documented (O-wh); this listing is a Coverlink design.
         */
        get: operations["listWebhookSubscriptions"];
        put?: never;
        /**
         * Subscribe a URL to webhook events
         * @description Subscribe an HTTPS URL to event types; wildcards per family (`authorization.*`) or
         *     `*` for everything (O-wh). The signing secret is **not** returned here: it is issued
         *     by emailing webhooks@osigu.com. Delivery is HTTPS only, no redirects followed,
         *     at-least-once (dedupe on `event_id`), best-effort ordering, 10 s timeout, retries with
         *     exponential backoff for 72 h. The response body is a Coverlink design.
         */
        post: operations["createWebhookSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/v1/subscriptions/{subscription_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a webhook subscription
         * @description Stop deliveries to a subscription. Only the POST is documented (O-wh); this deletion is a Coverlink design.
         */
        delete: operations["deleteWebhookSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "authorization.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An authorization was issued
         * @description Sent when a sponsor issues an authorization, notably for asynchronous sponsors after `completeAuthorizationRequest` (O-wh). Payload documented in O-wh.
         */
        post: operations["onAuthorizationCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "authorization.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An authorization was rejected
         * @description Sent when a sponsor denies an authorization; carries `rejection_reason` (O-wh).
         */
        post: operations["onAuthorizationRejected"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "authorization.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An authorization was updated
         * @description Sent when an authorization changes (e.g. a manual approval or a new expiry) (O-wh lists the event; its payload is not documented).
         */
        post: operations["onAuthorizationUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "authorization.voided": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An authorization was voided
         * @description Sent when an authorization is voided and can no longer be dispensed (O-wh lists the event; its payload is not documented).
         */
        post: operations["onAuthorizationVoided"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "dispensing.started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A dispensation was started
         * @description Sent when `startDispensation` succeeds (O-wh lists the event; its payload is not documented).
         */
        post: operations["onDispensingStarted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "dispensing.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A dispensation was completed
         * @description Sent when `completeDispensation` succeeds. Payload documented in O-wh.
         */
        post: operations["onDispensingCompleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "dispensing.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A dispensation was cancelled
         * @description Sent when a started dispensation is cancelled (O-wh lists the event; its payload is not documented).
         */
        post: operations["onDispensingCancelled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "prescription.issued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A prescription was issued
         * @description Sent when an electronic prescription is issued (O-wh lists the event; the payload mirrors the widget's `PrescriptionOutcome`, O-wid).
         */
        post: operations["onPrescriptionIssued"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "prescription.email_delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A prescription email was delivered
         * @description Sent when the prescription email reaches the patient (O-wh lists the event; its payload is not documented).
         */
        post: operations["onPrescriptionEmailDelivered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "prescription.email_failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A prescription email could not be delivered
         * @description Sent when the prescription email bounces or cannot be sent (O-wh lists the event; its payload is not documented).
         */
        post: operations["onPrescriptionEmailFailed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "settlement.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A settlement batch was paid
         * @description Sent when the sponsor pays a settlement batch (Dominican Republic batch flow; O-wh lists the event; its payload is not documented).
         */
        post: operations["onSettlementPaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "settlement.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A settlement batch was rejected
         * @description Sent when the sponsor rejects a settlement batch (Dominican Republic batch flow; O-wh lists the event; its payload is not documented).
         */
        post: operations["onSettlementRejected"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "settlement.partially_accepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A settlement batch was partially accepted
         * @description Sent when the sponsor accepts only part of a settlement batch (Dominican Republic batch flow; O-wh lists the event; its payload is not documented).
         */
        post: operations["onSettlementPartiallyAccepted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description OSIGU error envelope (seen on DVS and ARC pages). `error_code` formats vary: ARC shows
         *     `071-104`, DVS shows `071-<HTTP status>-<suffix>` such as `071-409-idempotency-mismatch`
         *     or `071-429`. Each status has its own body below (`…ErrorBody`), which says what the docs
         *     show for it and marks the rest.
         */
        Error: {
            /**
             * @description OSIGU error code, e.g. `071-104`.
             * @example 071-104
             */
            error_code: string;
            /** @description Human-readable message. */
            message: string;
            /**
             * @description Free-form details. The keys below are the ones documented (`retry_after_seconds`, V-*)
             *     or shown in this document's examples; others may appear. An error kept by Coverlink
             *     carries only these keys.
             */
            additional_information?: {
                /** @description Seconds to wait before retrying, on a `429` (documented for DVS, V-*). */
                retry_after_seconds?: number;
                /** @description Names of the fields the sponsor requires that the request lacked, on a `422`. */
                missing_fields?: string[];
                /** @description The sponsor the error is about. */
                sponsor_slug?: string;
                /** @description The product the error is about, e.g. an unregistered one (`071-104`, a `422`). */
                product_code?: string;
                /** @description The sponsor's maximum upload size, on a `413`. */
                max_file_size_bytes?: number;
                /** @description The id that was not found, on a `404`. */
                id?: string;
                /** @description The OTP challenge a wrong code was entered for, on a `422`. */
                otp_id?: string;
                /** @description How many codes may still be tried for that challenge, on a `422`. */
                remaining_attempts?: number;
            };
        };
        /** @description Body of a 400. No OSIGU page shows one; the envelope is the documented `Error`. */
        BadRequestErrorBody: components["schemas"]["Error"] & {
            /**
             * @description `071-400` in the examples is invented after DVS's `071-<HTTP status>` pattern; no page shows a 400 code.
             * @example 071-400
             */
            error_code?: string;
        };
        /** @description Body of a 401 on an API call. The status is what O-qs troubleshooting describes for bad tokens; no page shows the body. */
        UnauthorizedErrorBody: components["schemas"]["Error"] & {
            /**
             * @description `071-401` in the examples is invented after DVS's `071-<HTTP status>` pattern.
             * @example 071-401
             */
            error_code?: string;
        };
        /** @description Body of a 403 - the provider is not affiliated with the sponsor (O-qs troubleshooting documents the status and cause, not the body). */
        ForbiddenErrorBody: components["schemas"]["Error"] & {
            /**
             * @description `071-403` in the examples is invented after DVS's `071-<HTTP status>` pattern.
             * @example 071-403
             */
            error_code?: string;
        };
        /** @description Body of a 404 - e.g. beneficiary not found or coverage inactive (O-qs troubleshooting documents the status and causes, not the body). */
        NotFoundErrorBody: components["schemas"]["Error"] & {
            /**
             * @description `071-404` in the examples is invented after DVS's `071-<HTTP status>` pattern.
             * @example 071-404
             */
            error_code?: string;
        };
        /** @description Body of a 413 (the status itself is a Coverlink assumption, see `PayloadTooLarge`). */
        PayloadTooLargeErrorBody: components["schemas"]["Error"] & {
            /**
             * @description `071-413` in the examples is invented after DVS's `071-<HTTP status>` pattern.
             * @example 071-413
             */
            error_code?: string;
        };
        /** @description Body of a 422 "Validation error". O-pp shows `071-104` "Product not registered"; O-qs troubleshooting documents the 422 for fields a sponsor requires, without a body. */
        ValidationErrorBody: components["schemas"]["Error"] & {
            /**
             * @description `071-104` (product not registered) is documented (O-pp); `071-422` in the other examples is invented after DVS's `071-<HTTP status>` pattern.
             * @example 071-104
             * @example 071-422
             */
            error_code?: string;
        };
        /** @description Body of a 429. `071-429` and `additional_information.retry_after_seconds` are documented for DVS (V-*); that ARC and the token endpoint answer the same is a Coverlink assumption. */
        RateLimitErrorBody: components["schemas"]["Error"] & {
            /**
             * @description `071-429` (DVS, V-errors); assumed for ARC and the token endpoint.
             * @example 071-429
             */
            error_code?: string;
        };
        /** @description Body of a 500 or 503. No source shows 5xx bodies; the envelope is assumed to be the same. */
        ServerErrorBody: components["schemas"]["Error"] & {
            /**
             * @description `071-500` and `071-503` in the examples are invented after DVS's `071-<HTTP status>` pattern.
             * @example 071-500
             * @example 071-503
             */
            error_code?: string;
        };
        /** @description RFC 6749 section 5.2 token error. No source shows OSIGU token errors; Coverlink assumes the standard shape of the OAuth server. */
        OAuthError: {
            /**
             * @description RFC 6749 error code.
             * @example invalid_client
             */
            error: string;
            /** @description Human-readable explanation. */
            error_description?: string;
        };
        /**
         * @description Product type (O-qs, O-wid). O-S schema pages use `DRUG | LABORATORY | DIAGNOSTIC_TEST | MEDICAL_PROCEDURE` instead.
         * @enum {string}
         */
        ProductType: "MEDICATION" | "LAB" | "IMAGING" | "PROCEDURE";
        /** @description Page counters (D-pagination, the older payer docs). That ARC and ePrescription lists answer with them is a Coverlink assumption, as for the `page` and `size` parameters. */
        PageMetadata: {
            /** @description Page size requested. */
            size: number;
            /** @description Number of items across all pages. */
            total_elements: number;
            /** @description Number of pages. */
            total_pages: number;
            /** @description This page's zero-based number. */
            number: number;
        };
        /** @description HATEOAS link (D-pagination, O-S `PagedModel`). */
        Link: {
            /** @description Relation, e.g. `self`, `next`, `prev`, `first`, `last`. */
            rel: string;
            /**
             * Format: uri
             * @description Absolute URL of the related page.
             */
            href: string;
        };
        /** @description Client-credentials token request; the client authenticates with HTTP Basic and sends no scope (O-tok, O-qs). */
        TokenRequest: {
            /**
             * @description Always `client_credentials`.
             * @enum {string}
             */
            grant_type: "client_credentials";
        };
        /** @description Issued access token (O-qs, O-tok). No refresh token is issued. */
        TokenResponse: {
            /** @description JWT bearer token (O-tok); cache it for about 50 minutes. */
            access_token: string;
            /**
             * @description Token type, `bearer` (compare case-insensitively).
             * @example bearer
             */
            token_type: string;
            /**
             * @description Lifetime in seconds (3600).
             * @example 3600
             */
            expires_in: number;
            /** @description Space-separated scopes configured for the client, e.g. `arc:read arc:write dispensing:read dispensing:write` (O-qs) or with `ehr:read ehr:write` too (O-tok). */
            scope?: string;
        };
        /** @description The fields a sponsor's beneficiary search needs. O-qs/O-iss say the list exists but show no body; this shape is a Coverlink design. */
        SponsorSearchForm: {
            /** @description The sponsor the form belongs to. */
            sponsor_slug: string;
            /** @description Fields to send to `searchBeneficiary`, as top-level string properties. */
            fields: components["schemas"]["SponsorFormField"][];
        };
        /** @description One field of a sponsor search form (Coverlink design). */
        SponsorFormField: {
            /** @description JSON property name to send, e.g. `document_number`. */
            name: string;
            /** @description Label to show to the user. */
            label: string;
            /**
             * @description Value kind; `date` values are `YYYY-MM-DD`; `enum` values come from `options`.
             * @enum {string}
             */
            type: "string" | "date" | "enum";
            /** @description Whether the sponsor requires the field. */
            required: boolean;
            /** @description Allowed values; present (and non-empty) when `type` is `enum`. */
            options?: {
                /** @description Value to send. */
                value: string;
                /** @description Label to show. */
                label?: string;
            }[];
        };
        /**
         * @description Search fields; which ones depend on the sponsor (see `listSponsorForms`). Known
         *     variants: `document_type` + `document_number`, or `member_id` + `birthdate` (O-qs,
         *     O-iss). All values are strings.
         */
        BeneficiarySearchRequest: {
            /** @description Identity document type, e.g. `CC` (O-qs). */
            document_type?: string;
            /** @description Identity document number. */
            document_number?: string;
            /** @description The sponsor's member id. */
            member_id?: string;
            /**
             * Format: date
             * @description Date of birth, `YYYY-MM-DD`.
             */
            birthdate?: string;
        } & {
            [key: string]: string;
        };
        /** @description A beneficiary and their coverage (O-qs). */
        Beneficiary: {
            /**
             * @description OSIGU beneficiary id (`bnf_…`); persist it for later calls.
             * @example bnf_01HW8GQ2KMNP3F4R5T6Y7U8I9O
             */
            beneficiary_id: string;
            /** @description First name, as the sponsor stores it (often upper case). */
            first_name: string;
            /** @description Last name. */
            last_name: string;
            coverage: components["schemas"]["Coverage"];
        };
        /** @description The beneficiary's coverage with the sponsor (O-qs). */
        Coverage: {
            /** @description The sponsor's plan code, e.g. `GOLD-100`. */
            plan_code: string;
            /** @description Whether the coverage is active today. */
            active: boolean;
            /**
             * Format: date
             * @description Last day of coverage.
             */
            effective_until?: string;
        };
        /** @description A sponsor's rules for a product type. The contents are documented (O-iss, O-cSp); the field names and enums are a Coverlink design. */
        SponsorConfiguration: {
            /** @description The sponsor. */
            sponsor_slug: string;
            product_type: components["schemas"]["ProductType"];
            /** @description Names of `createAuthorizationRequest` body fields the sponsor requires. */
            required_fields: string[];
            /** @description The `authorization_type`s the sponsor accepts. */
            authorization_types: components["schemas"]["AuthorizationType"][];
            /**
             * @description Beneficiary verification required at dispensing.
             * @enum {string}
             */
            verification: "NONE" | "OTP" | "BIOMETRIC";
            /**
             * @description SYNC sponsors answer `completeAuthorizationRequest` with the outcome; ASYNC sponsors notify by webhook.
             * @enum {string}
             */
            processing_mode: "SYNC" | "ASYNC";
        };
        /** @description Which indication files a sponsor requires. O-qs names the operation only; this shape is a Coverlink design. */
        DocumentPolicy: {
            /** @description The sponsor. */
            sponsor_slug: string;
            product_type: components["schemas"]["ProductType"];
            /** @description File types that must be attached before `completeAuthorizationRequest`. */
            required_file_types: components["schemas"]["IndicationFileType"][];
            /** @description Accepted MIME types. */
            accepted_content_types: string[];
            /** @description Largest accepted file, in bytes. */
            max_file_size_bytes: number;
        };
        /**
         * @description Kind of document the request is based on (O-cAuth; the list there ends with "…", so more values may exist).
         * @enum {string}
         */
        AuthorizationType: "PRESCRIPTION" | "MEDICAL_INDICATION" | "LAB_ORDER" | "PROCEDURE";
        /**
         * @description Request-level status (O-qs, O-cAuth, O-cSp): PENDING_INDICATION before the indication
         *     and complete call, PENDING_SPONSOR while an async sponsor decides, COMPLETED once
         *     authorizations exist. Only CANCELLED is Coverlink's addition, marked on its own.
         */
        AuthorizationRequestStatus: string & (("PENDING_INDICATION" | "PENDING_SPONSOR" | "COMPLETED") | "CANCELLED");
        /**
         * @description Outcome of one authorization (O-qs, O-S `AuthorizationRequestResource` product status). `REJECTED` carries `rejection_reason`.
         * @enum {string}
         */
        AuthorizationStatus: "APPROVED" | "REJECTED" | "MANUAL_APPROVAL_REQUIRED";
        /** @description One product requested (O-qs, O-cAuth). */
        AuthorizationRequestProduct: {
            /**
             * @description Catalogue product code; it must be registered by the provider (071-104 otherwise).
             * @example MED-042
             */
            product_code: string;
            product_type: components["schemas"]["ProductType"];
            /** @description Units requested. */
            quantity: number;
            /** @description Dosage instructions, e.g. `1 tablet every 8h for 10 days`. */
            posology: string;
        };
        /** @description Body of `createAuthorizationRequest` (O-qs minimum body, O-cAuth optional fields). Sponsors may require the optional fields (see `getSponsorConfiguration`). */
        CreateAuthorizationRequest: {
            /** @description Beneficiary id from `searchBeneficiary`. */
            beneficiary_id: string;
            /** @description The sponsor to ask. */
            sponsor_slug: string;
            /** @description ICD-10 diagnosis code, e.g. `R51` (see `searchDiagnoses`). */
            diagnosis_code: string;
            /** @description Products to authorize. */
            products: components["schemas"]["AuthorizationRequestProduct"][];
            /** @description The provider branch the service is rendered at (O-cAuth). */
            provider_branch_id?: string;
            /** @description Sponsor service type code (O-cAuth). */
            service_type_code?: string;
            authorization_type?: components["schemas"]["AuthorizationType"];
            /** @description License number of the prescribing professional (O-cAuth). */
            professional_license_number?: string;
        };
        /** @description Answer of `createAuthorizationRequest` (O-qs). */
        AuthorizationRequestAccepted: {
            /**
             * @description The new request's id (`areq_…`).
             * @example areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X
             */
            authorization_request_id: string;
            status: components["schemas"]["AuthorizationRequestStatus"];
            /**
             * Format: date-time
             * @description Creation time.
             */
            created_at: string;
        };
        /**
         * @description One authorization produced by a request, one per product-type group (O-qs). A
         *     `REJECTED` authorization always carries `rejection_reason` (O-qs troubleshooting);
         *     the two shapes are told apart by `status`.
         */
        Authorization: components["schemas"]["IssuedAuthorization"] | components["schemas"]["RejectedAuthorization"];
        /** @description An approved authorization, or one waiting for the sponsor's manual approval (O-qs). */
        IssuedAuthorization: {
            /**
             * @description Code to dispense or claim with, e.g. `AUTH-2026-001234`.
             * @example AUTH-2026-001234
             */
            authorization_code: string;
            product_type: components["schemas"]["ProductType"];
            /**
             * @description `APPROVED` or `MANUAL_APPROVAL_REQUIRED` (see `AuthorizationStatus`).
             * @enum {string}
             */
            status: "APPROVED" | "MANUAL_APPROVAL_REQUIRED";
            /**
             * Format: date-time
             * @description End of validity.
             */
            expires_at?: string;
        };
        /** @description An authorization the sponsor denied; `rejection_reason` is required (O-qs troubleshooting). */
        RejectedAuthorization: {
            /**
             * @description Code assigned to the rejected authorization.
             * @example AUTH-2026-001234
             */
            authorization_code: string;
            product_type: components["schemas"]["ProductType"];
            /**
             * @description Always `REJECTED` here.
             * @constant
             */
            status: "REJECTED";
            /** @description Why the sponsor denied it - surface it to the end user. */
            rejection_reason: string;
        };
        /** @description A full authorization request (O-cAuth; O-S `AuthorizationRequestResource` with the O-qs field names and string ids). */
        AuthorizationRequest: {
            /** @description The request id (`areq_…`; the same value as `authorization_request_id` elsewhere). */
            id: string;
            status: components["schemas"]["AuthorizationRequestStatus"];
            /** @description The beneficiary. */
            beneficiary_id: string;
            /** @description The sponsor. */
            sponsor_slug: string;
            /** @description ICD-10 diagnosis code. */
            diagnosis_code: string;
            /** @description Products requested. */
            products: components["schemas"]["AuthorizationRequestProduct"][];
            /**
             * Format: date-time
             * @description Creation time.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at: string;
            /** @description Authorizations produced so far (empty before completion). */
            authorizations: components["schemas"]["Authorization"][];
        };
        /** @description A synchronous sponsor's outcome (O-qs step 5). */
        AuthorizationRequestCompleted: {
            /** @description The request id. */
            authorization_request_id: string;
            /**
             * @description Always `COMPLETED` here.
             * @constant
             */
            status: "COMPLETED";
            /** @description The resulting authorizations. */
            authorizations: components["schemas"]["Authorization"][];
        };
        /** @description Complete call accepted without an outcome yet - PENDING_SPONSOR for an asynchronous sponsor (webhook follows), or still PENDING_INDICATION when the indication is missing (O-qs troubleshooting). The body is a Coverlink design. */
        AuthorizationRequestPending: {
            /** @description The request id. */
            authorization_request_id: string;
            /**
             * @description Where the request waits.
             * @enum {string}
             */
            status: "PENDING_SPONSOR" | "PENDING_INDICATION";
        };
        /**
         * @description Kind of indication document. O-qs shows MEDICAL_INDICATION and mentions prescriptions and referrals; the full list is a Coverlink design.
         * @enum {string}
         */
        IndicationFileType: "MEDICAL_INDICATION" | "PRESCRIPTION" | "LAB_ORDER" | "REFERRAL" | "OTHER";
        /** @description Multipart form of `uploadAuthorizationIndication` (O-qs step 4). */
        IndicationUpload: {
            /**
             * Format: binary
             * @description The document. O-qs uploads a PDF; that PNG and JPEG are accepted too (the part's content types in `encoding`) is a Coverlink assumption - `getAuthorizationDocumentPolicy` gives a sponsor's real list.
             */
            file: Blob;
            file_type: components["schemas"]["IndicationFileType"];
        };
        /** @description JSON body of `attachAuthorizationIndicationBase64`. Field names are a Coverlink design. */
        IndicationBase64Upload: {
            /** @description Original file name. */
            file_name: string;
            /**
             * @description MIME type of the decoded file.
             * @enum {string}
             */
            content_type: "application/pdf" | "image/png" | "image/jpeg";
            file_type: components["schemas"]["IndicationFileType"];
            /** @description The file, Base64-encoded. */
            content: string;
        };
        /** @description Body of `startDispensation` (O-disp). */
        StartDispensationRequest: {
            /** @description Authorization code or prescription code to dispense. */
            code: string;
            /** @description The beneficiary at the counter. */
            beneficiary_id: string;
        };
        /** @description A product of a dispensation (O-disp). */
        DispensationProduct: {
            /** @description Catalogue product code. */
            product_code: string;
            /** @description Units to dispense. */
            quantity: number;
            /** @description Price per unit, in the sponsor's currency. */
            unit_price: number;
        };
        /** @description A started dispensation (O-disp). */
        Dispensation: {
            /** @description Dispensation id. */
            dispensation_id: string;
            /**
             * @description Always `STARTED` here.
             * @constant
             */
            status: "STARTED";
            /**
             * @description Whether `code` was an authorization or a prescription.
             * @enum {string}
             */
            code_type: "AUTHORIZATION" | "PRESCRIPTION";
            /** @description Products that can be dispensed. */
            products: components["schemas"]["DispensationProduct"][];
            /**
             * @description Beneficiary verification needed before completing; null when none.
             * @enum {string|null}
             */
            verification_required: "OTP" | "BIOMETRIC" | null;
        };
        /** @description Body of `completeDispensation` (O-S `CompleteDispensationRequest`). */
        CompleteDispensationRequest: {
            /** @description Total amount of the sale document. */
            amount: number;
            /** @description Sale document (invoice) number. */
            document_number: string;
            /**
             * Format: date
             * @description Sale document date.
             */
            document_date: string;
            /** @description The provider's own transaction id. */
            provider_transaction_id?: string;
            /** @description Sale document serial. */
            document_serial?: string;
            /** @description Digital signature of the electronic sale document. */
            document_digital_signature?: string;
            /** @description Dispensing provider, when the client acts for several. */
            provider_slug?: string;
            /** @description Token from `validateOtp`. O-disp returns it but does not show where it is sent; Coverlink sends it here. */
            otp_verification_token?: string;
        };
        /** @description Answer of `completeDispensation`. Not documented; a Coverlink design. */
        DispensationCompleted: {
            /** @description Dispensation id. */
            dispensation_id: string;
            /**
             * @description Always `COMPLETED` here.
             * @constant
             */
            status: "COMPLETED";
            /**
             * Format: date-time
             * @description Completion time.
             */
            completed_at: string;
        };
        /** @description Body of `sendOtp` (O-disp). */
        SendOtpRequest: {
            /** @description The beneficiary to verify. */
            beneficiary_id: string;
            /** @description The sponsor. */
            sponsor_slug: string;
            /**
             * @description Delivery channel. O-disp shows SMS only; EMAIL is a Coverlink assumption.
             * @enum {string}
             */
            channel: "SMS" | "EMAIL";
        };
        /** @description Answer of `sendOtp`. O-disp implies `otp_id` (used by validate); the body and `expires_at` are a Coverlink design. */
        OtpSent: {
            /** @description Id to pass to `validateOtp`. */
            otp_id: string;
            /**
             * Format: date-time
             * @description When the code stops being valid.
             */
            expires_at: string;
        };
        /** @description Body of `validateOtp` (O-disp). */
        ValidateOtpRequest: {
            /** @description Id from `sendOtp`. */
            otp_id: string;
            /** @description Code the beneficiary received. */
            code: string;
        };
        /** @description Answer of `validateOtp` (O-disp). */
        OtpValidated: {
            /** @description Proof of verification, sent with `completeDispensation`. */
            otp_verification_token: string;
        };
        /** @description Claim status. OPEN is documented for new outpatient claims (O-claim); the others are borrowed from another resource and marked on their own. */
        ClaimStatus: string & ("OPEN" | ("IN_PROGRESS" | "UPDATE_IN_PROGRESS" | "EXPIRATION_IN_PROGRESS" | "EXPIRED" | "CANCELED" | "READY" | "COMPLETED" | "VOIDED" | "ERROR" | "FAILED" | "PAID"));
        /** @description A product billed on a claim (Coverlink design). */
        ClaimProduct: {
            /** @description Catalogue product code. */
            product_code: string;
            /** @description Units rendered. */
            quantity: number;
            /** @description Price per unit. */
            unit_price: number;
        };
        /** @description Body of `createOutpatientCareClaim`. No source shows it; a Coverlink design around the authorization being claimed. */
        CreateOutpatientCareClaimRequest: {
            /** @description The authorization the claim is for. */
            authorization_code: string;
            /** @description The beneficiary. */
            beneficiary_id: string;
            /** @description The sponsor. */
            sponsor_slug: string;
            /** @description ICD-10 diagnosis code. */
            diagnosis_code?: string;
            /**
             * Format: date
             * @description Date the service was rendered.
             */
            service_date?: string;
            /** @description Products or services billed. */
            products: components["schemas"]["ClaimProduct"][];
        };
        /** @description Answer of `createOutpatientCareClaim` (O-claim). */
        OutpatientCareClaimCreated: {
            /** @description Claim id. */
            claim_id: string;
            status: components["schemas"]["ClaimStatus"];
            /**
             * Format: date-time
             * @description Creation time.
             */
            created_at: string;
        };
        /** @description An outpatient care claim. Fields beyond id, status and timestamps are a Coverlink design mirroring the create body. */
        OutpatientCareClaim: {
            /** @description Claim id. */
            claim_id: string;
            status: components["schemas"]["ClaimStatus"];
            /** @description The authorization claimed. */
            authorization_code?: string;
            /** @description The beneficiary. */
            beneficiary_id?: string;
            /** @description The sponsor. */
            sponsor_slug?: string;
            /** @description ICD-10 diagnosis code. */
            diagnosis_code?: string;
            /**
             * Format: date
             * @description Date the service was rendered.
             */
            service_date?: string;
            /** @description Products or services billed. */
            products?: components["schemas"]["ClaimProduct"][];
            /** @description Sum of quantity x unit_price. */
            total_amount?: number;
            /**
             * Format: date-time
             * @description Creation time.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description Last change.
             */
            updated_at?: string;
        };
        /** @description Body of `registerProviderProduct` (O-pp). */
        RegisterProviderProductRequest: {
            /** @description Catalogue product code to register. */
            product_code: string;
        };
        /** @description Answer of `registerProviderProduct` (O-pp). */
        ProviderProductRegistration: {
            /** @description Registered product code. */
            product_code: string;
            /**
             * Format: date-time
             * @description Registration time.
             */
            registered_at: string;
        };
        /** @description A registered product in the provider's list (O-pp; `product_type` and `name` are Coverlink additions). */
        ProviderProduct: {
            /** @description Product code. */
            product_code: string;
            product_type?: components["schemas"]["ProductType"];
            /** @description Catalogue name. Not shown in O-pp; assumed so lists are readable. */
            name?: string;
            /**
             * Format: date-time
             * @description Registration time.
             */
            registered_at: string;
        };
        /** @description One page of registered products (D-pagination). */
        ProviderProductPage: {
            /** @description Items of this page. */
            content: components["schemas"]["ProviderProduct"][];
            page: components["schemas"]["PageMetadata"];
            /** @description Navigation links. */
            links?: components["schemas"]["Link"][];
        };
        /** @description A catalogue product. O-pp shows codes and types; `name` is a Coverlink addition. */
        Product: {
            /** @description Product code. */
            product_code: string;
            product_type: components["schemas"]["ProductType"];
            /** @description Product name. Assumed; no source shows catalogue items. */
            name?: string;
        };
        /** @description One page of catalogue products (D-pagination). */
        ProductPage: {
            /** @description Items of this page. */
            content: components["schemas"]["Product"][];
            page: components["schemas"]["PageMetadata"];
            /** @description Navigation links. */
            links?: components["schemas"]["Link"][];
        };
        /** @description A medication catalogue entry. No source shows the item; a Coverlink design. */
        Medication: {
            /** @description Product code to prescribe or request. */
            product_code: string;
            /** @description Display name. */
            name: string;
            /** @description Active ingredient. */
            active_ingredient?: string;
            /** @description Strength, e.g. `500 mg`. */
            concentration?: string;
            /** @description Pharmaceutical form, e.g. `tablet`. */
            drug_form?: string;
        };
        /** @description One page of medications (D-pagination). */
        MedicationPage: {
            /** @description Items of this page. */
            content: components["schemas"]["Medication"][];
            page: components["schemas"]["PageMetadata"];
            /** @description Navigation links. */
            links?: components["schemas"]["Link"][];
        };
        /** @description A diagnosis catalogue entry (`coding_system` and `code` as in O-S `diagnoses[]`; `description` assumed). */
        Diagnosis: {
            /** @description Diagnosis code, e.g. `R51`. */
            code: string;
            /** @description Coding system, e.g. `ICD-10`. */
            coding_system: string;
            /** @description Diagnosis name. Assumed; no source shows catalogue items. */
            description: string;
        };
        /** @description One page of diagnoses (D-pagination). */
        DiagnosisPage: {
            /** @description Items of this page. */
            content: components["schemas"]["Diagnosis"][];
            page: components["schemas"]["PageMetadata"];
            /** @description Navigation links. */
            links?: components["schemas"]["Link"][];
        };
        /** @description Body of `createPatient`. O-rx shows the path only; the fields are a Coverlink design. */
        CreatePatientRequest: {
            /** @description First name. */
            first_name: string;
            /** @description Last name. */
            last_name: string;
            /** @description Identity document type, e.g. `CC`. */
            document_type: string;
            /** @description Identity document number. */
            document_number: string;
            /**
             * Format: date
             * @description Date of birth.
             */
            birthdate?: string;
            /**
             * Format: email
             * @description Email for prescription delivery.
             */
            email?: string;
            /** @description Phone number. */
            phone?: string;
        };
        /** @description An ePrescription patient. The fields are a Coverlink design. */
        Patient: {
            /** @description Patient id. */
            patient_id: string;
            /** @description First name. */
            first_name: string;
            /** @description Last name. */
            last_name: string;
            /** @description Identity document type. */
            document_type: string;
            /** @description Identity document number. */
            document_number: string;
            /**
             * Format: date
             * @description Date of birth.
             */
            birthdate?: string;
            /**
             * Format: email
             * @description Email for prescription delivery.
             */
            email?: string;
            /** @description Phone number. */
            phone?: string;
        };
        /** @description One page of patients (D-pagination). */
        PatientPage: {
            /** @description Items of this page. */
            content: components["schemas"]["Patient"][];
            page: components["schemas"]["PageMetadata"];
            /** @description Navigation links. */
            links?: components["schemas"]["Link"][];
        };
        /** @description One prescribed product (Coverlink design, same fields as authorization products). */
        PrescriptionItem: {
            /** @description Medication product code (see `searchMedications`). */
            product_code: string;
            /** @description Units prescribed. */
            quantity: number;
            /** @description Dosage instructions. */
            posology: string;
        };
        /** @description Body of `createPrescription`. O-rx shows the path only; the fields are a Coverlink design (`delivery.channel` follows the prescription widget, O-wid). */
        CreatePrescriptionRequest: {
            /** @description Patient from `createPatient`. */
            patient_id: string;
            /** @description ICD-10 diagnosis code. */
            diagnosis_code: string;
            /** @description Prescriber's license number. */
            professional_license_number?: string;
            /** @description Products prescribed. */
            items: components["schemas"]["PrescriptionItem"][];
            /** @description How the prescription reaches the patient (O-wid). */
            delivery?: {
                /**
                 * @description EMAIL sends it, LINK returns a link, NONE delivers nothing.
                 * @enum {string}
                 */
                channel?: "EMAIL" | "LINK" | "NONE";
            };
        };
        /** @description An issued prescription (fields of the widget's `PrescriptionOutcome`, O-wid; `patient_id` and `created_at` assumed). */
        Prescription: {
            /** @description Prescription id. */
            prescription_id: string;
            /** @description Code the patient presents at the pharmacy (usable with `startDispensation`). */
            prescription_code: string;
            /** @description Prescription version. */
            version: number;
            /**
             * @description Prescription status.
             * @example PRESCRIPTION_ISSUED
             */
            status: string;
            /** @description The patient. Assumed; not in `PrescriptionOutcome`. */
            patient_id?: string;
            /**
             * Format: date-time
             * @description Issue time. Assumed; not in `PrescriptionOutcome`.
             */
            created_at?: string;
        };
        /** @description Body of `createWebhookSubscription` (O-wh). */
        CreateWebhookSubscriptionRequest: {
            /**
             * Format: uri
             * @description HTTPS endpoint to deliver to (HTTPS only, redirects not followed).
             */
            url: string;
            /** @description Event types, family wildcards such as `authorization.*`, or `*` for all. */
            event_types: string[];
        };
        /** @description A webhook subscription. The response body is not documented; a Coverlink design echoing the request. */
        WebhookSubscription: {
            /** @description Subscription id. */
            subscription_id: string;
            /**
             * Format: uri
             * @description Delivery URL.
             */
            url: string;
            /** @description Subscribed event types or wildcards. */
            event_types: string[];
            /**
             * Format: date-time
             * @description Creation time.
             */
            created_at: string;
        };
        /** @description One page of subscriptions (D-pagination). */
        WebhookSubscriptionPage: {
            /** @description Items of this page. */
            content: components["schemas"]["WebhookSubscription"][];
            page: components["schemas"]["PageMetadata"];
            /** @description Navigation links. */
            links?: components["schemas"]["Link"][];
        };
        /** @description Envelope shared by every webhook event (O-wh). Dedupe on `event_id` - delivery is at-least-once. */
        WebhookEventEnvelope: {
            /** @description Unique event id. */
            event_id: string;
            /** @description Event type, e.g. `authorization.created`. */
            event_type: string;
            /**
             * Format: date-time
             * @description When the event happened.
             */
            created_at: string;
            /**
             * @description Payload version, e.g. `2026-01-01`.
             * @example 2026-01-01
             */
            api_version: string;
            /**
             * @description Environment that emitted the event.
             * @enum {string}
             */
            environment: "sandbox" | "production";
            /** @description The provider the event concerns. */
            provider: {
                /** @description Provider id. */
                provider_id: string;
                /** @description Provider slug. */
                provider_slug: string;
            };
            /** @description Event-specific payload; each event schema narrows it. */
            data: {
                [key: string]: unknown;
            };
        };
        /**
         * @description Any OSIGU webhook event. One subscription URL receives every subscribed type, so receivers
         *     parse this union: each event type listed here has its own payload, told apart by
         *     `event_type`, and any other type parses as `UnknownOsiguWebhookEvent` instead of failing,
         *     so an event type OSIGU adds later does not break a receiver. No `discriminator`: it would
         *     map every `event_type` to a listed member and so refuse the new ones.
         */
        OsiguWebhookEvent: components["schemas"]["AuthorizationCreatedEvent"] | components["schemas"]["AuthorizationRejectedEvent"] | components["schemas"]["AuthorizationUpdatedEvent"] | components["schemas"]["AuthorizationVoidedEvent"] | components["schemas"]["DispensingStartedEvent"] | components["schemas"]["DispensingCompletedEvent"] | components["schemas"]["DispensingCancelledEvent"] | components["schemas"]["PrescriptionIssuedEvent"] | components["schemas"]["PrescriptionEmailDeliveredEvent"] | components["schemas"]["PrescriptionEmailFailedEvent"] | components["schemas"]["SettlementPaidEvent"] | components["schemas"]["SettlementRejectedEvent"] | components["schemas"]["SettlementPartiallyAcceptedEvent"] | components["schemas"]["UnknownOsiguWebhookEvent"];
        /** @description An event whose `event_type` this document does not list - the shared envelope with an untyped `data`. Acknowledge it (any 2xx) so OSIGU does not redeliver it, then ignore or log it. */
        UnknownOsiguWebhookEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /** @description An event type not listed in `OsiguWebhookEvent`. */
            event_type: string;
        };
        /** @description `authorization.created` (O-wh). */
        AuthorizationCreatedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "authorization.created";
            data: components["schemas"]["AuthorizationCreatedData"];
        };
        /** @description Payload of `authorization.created` (documented in O-wh). */
        AuthorizationCreatedData: {
            /** @description Authorization id. */
            authorization_id: string;
            /** @description Code to dispense or claim with. */
            authorization_code: string;
            /** @description The originating request. */
            authorization_request_id: string;
            /** @description The beneficiary. */
            beneficiary_id: string;
            /** @description The sponsor. */
            sponsor_slug: string;
            product_type: components["schemas"]["ProductType"];
            /** @description Products authorized. */
            products: {
                /** @description Product code. */
                product_code: string;
                /** @description Units authorized. */
                quantity: number;
                /** @description Dosage instructions. */
                posology?: string;
            }[];
            /**
             * Format: date-time
             * @description End of validity.
             */
            expires_at?: string;
            /** @description The sponsor's own reference for the authorization. */
            sponsor_reference?: string;
            /** @description Sponsor-specific extra data. */
            additional_data?: Record<string, never>;
        };
        /** @description `authorization.rejected` (O-wh). */
        AuthorizationRejectedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "authorization.rejected";
            data: components["schemas"]["AuthorizationRejectedData"];
        };
        /** @description Payload of `authorization.rejected`. O-wh documents `rejection_reason`; the other fields mirror `authorization.created` as a Coverlink assumption. */
        AuthorizationRejectedData: {
            /** @description The originating request. */
            authorization_request_id: string;
            /** @description Code of the rejected authorization, if one was assigned. */
            authorization_code?: string;
            /** @description The beneficiary. */
            beneficiary_id?: string;
            /** @description The sponsor. */
            sponsor_slug: string;
            product_type?: components["schemas"]["ProductType"];
            /** @description Why the sponsor denied it (O-wh) - surface it to the end user. */
            rejection_reason: string;
        };
        /** @description `authorization.updated` (O-wh). */
        AuthorizationUpdatedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "authorization.updated";
            data: components["schemas"]["AuthorizationUpdatedData"];
        };
        /** @description Payload of `authorization.updated`. Not documented; a small Coverlink design. */
        AuthorizationUpdatedData: {
            /** @description Authorization id. */
            authorization_id: string;
            /** @description Authorization code. */
            authorization_code: string;
            /** @description The originating request. */
            authorization_request_id?: string;
            status: components["schemas"]["AuthorizationStatus"];
            /**
             * Format: date-time
             * @description End of validity after the update.
             */
            expires_at?: string;
        };
        /** @description `authorization.voided` (O-wh). */
        AuthorizationVoidedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "authorization.voided";
            data: components["schemas"]["AuthorizationVoidedData"];
        };
        /** @description Payload of `authorization.voided`. Not documented; a small Coverlink design. */
        AuthorizationVoidedData: {
            /** @description Authorization id. */
            authorization_id: string;
            /** @description Authorization code; it can no longer be dispensed. */
            authorization_code: string;
            /** @description The originating request. */
            authorization_request_id?: string;
            /**
             * Format: date-time
             * @description When it was voided.
             */
            voided_at: string;
            /** @description Why it was voided. */
            void_reason?: string;
        };
        /** @description `dispensing.started` (O-wh). */
        DispensingStartedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "dispensing.started";
            data: components["schemas"]["DispensingStartedData"];
        };
        /** @description Payload of `dispensing.started`. Not documented; a small Coverlink design mirroring `startDispensation`. */
        DispensingStartedData: {
            /** @description Dispensation id. */
            dispensation_id: string;
            /** @description Authorization or prescription code being dispensed. */
            code: string;
            /**
             * @description Kind of code.
             * @enum {string}
             */
            code_type: "AUTHORIZATION" | "PRESCRIPTION";
            /** @description The beneficiary. */
            beneficiary_id?: string;
            /** @description The sponsor. */
            sponsor_slug?: string;
        };
        /** @description `dispensing.completed` (O-wh). */
        DispensingCompletedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "dispensing.completed";
            data: components["schemas"]["DispensingCompletedData"];
        };
        /** @description Payload of `dispensing.completed` (documented in O-wh; the page lists more fields after `total_amount`, so expect extra properties). */
        DispensingCompletedData: {
            /** @description Dispensation id. */
            dispensation_id: string;
            /** @description Authorization or prescription code dispensed. */
            code: string;
            /**
             * @description Kind of code.
             * @enum {string}
             */
            code_type: "AUTHORIZATION" | "PRESCRIPTION";
            /** @description The authorization dispensed, when `code_type` is AUTHORIZATION. */
            authorization_id?: string | null;
            /** @description The prescription dispensed, when `code_type` is PRESCRIPTION. */
            prescription_id?: string | null;
            /** @description The beneficiary. */
            beneficiary_id: string;
            /** @description The sponsor. */
            sponsor_slug: string;
            /** @description The dispensing pharmacy. */
            pharmacy?: {
                /** @description Pharmacy provider slug. */
                provider_slug?: string;
                /** @description Pharmacy branch. */
                branch_id?: string;
            };
            /** @description Products dispensed. */
            products: components["schemas"]["DispensationProduct"][];
            /** @description Total dispensed amount. */
            total_amount: number;
        };
        /** @description `dispensing.cancelled` (O-wh). */
        DispensingCancelledEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "dispensing.cancelled";
            data: components["schemas"]["DispensingCancelledData"];
        };
        /** @description Payload of `dispensing.cancelled`. Not documented; a small Coverlink design. */
        DispensingCancelledData: {
            /** @description Dispensation id. */
            dispensation_id: string;
            /** @description Authorization or prescription code; it can be dispensed again. */
            code?: string;
            /**
             * Format: date-time
             * @description When it was cancelled.
             */
            cancelled_at: string;
            /** @description Why it was cancelled. */
            cancellation_reason?: string;
        };
        /** @description `prescription.issued` (O-wh). */
        PrescriptionIssuedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "prescription.issued";
            data: components["schemas"]["PrescriptionIssuedData"];
        };
        /** @description Payload of `prescription.issued`. Not documented; Coverlink reuses the widget's `PrescriptionOutcome` fields (O-wid). */
        PrescriptionIssuedData: {
            /** @description Prescription id. */
            prescription_id: string;
            /** @description Code the patient presents at the pharmacy. */
            prescription_code: string;
            /** @description Prescription version. */
            version?: number;
            /** @description Prescription status, e.g. `PRESCRIPTION_ISSUED`. */
            status: string;
            /** @description The patient. */
            patient_id?: string;
        };
        /** @description `prescription.email_delivered` (O-wh). */
        PrescriptionEmailDeliveredEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "prescription.email_delivered";
            data: components["schemas"]["PrescriptionEmailDeliveredData"];
        };
        /** @description Payload of `prescription.email_delivered`. Not documented; a small Coverlink design. */
        PrescriptionEmailDeliveredData: {
            /** @description Prescription id. */
            prescription_id: string;
            /**
             * Format: email
             * @description Address it was delivered to.
             */
            email?: string;
            /**
             * Format: date-time
             * @description Delivery time.
             */
            delivered_at?: string;
        };
        /** @description `prescription.email_failed` (O-wh). */
        PrescriptionEmailFailedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "prescription.email_failed";
            data: components["schemas"]["PrescriptionEmailFailedData"];
        };
        /** @description Payload of `prescription.email_failed`. Not documented; a small Coverlink design. */
        PrescriptionEmailFailedData: {
            /** @description Prescription id. */
            prescription_id: string;
            /**
             * Format: email
             * @description Address that failed.
             */
            email?: string;
            /** @description Why delivery failed. */
            failure_reason?: string;
            /**
             * Format: date-time
             * @description Failure time.
             */
            failed_at?: string;
        };
        /** @description `settlement.paid` (O-wh, Dominican Republic batch flow). */
        SettlementPaidEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "settlement.paid";
            data: components["schemas"]["SettlementPaidData"];
        };
        /** @description Payload of `settlement.paid`. Not documented; a small Coverlink design. */
        SettlementPaidData: {
            /** @description Settlement batch id. */
            settlement_id: string;
            /** @description The paying sponsor. */
            sponsor_slug?: string;
            /** @description Amount paid. */
            amount: number;
            /** @description ISO 4217 currency, e.g. `DOP`. */
            currency_code?: string;
            /**
             * Format: date-time
             * @description Payment time.
             */
            paid_at?: string;
        };
        /** @description `settlement.rejected` (O-wh, Dominican Republic batch flow). */
        SettlementRejectedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "settlement.rejected";
            data: components["schemas"]["SettlementRejectedData"];
        };
        /** @description Payload of `settlement.rejected`. Not documented; a small Coverlink design. */
        SettlementRejectedData: {
            /** @description Settlement batch id. */
            settlement_id: string;
            /** @description The sponsor. */
            sponsor_slug?: string;
            /** @description Why the batch was rejected. */
            rejection_reason?: string;
        };
        /** @description `settlement.partially_accepted` (O-wh, Dominican Republic batch flow). */
        SettlementPartiallyAcceptedEvent: components["schemas"]["WebhookEventEnvelope"] & {
            /**
             * @description Event type.
             * @constant
             */
            event_type: "settlement.partially_accepted";
            data: components["schemas"]["SettlementPartiallyAcceptedData"];
        };
        /** @description Payload of `settlement.partially_accepted`. Not documented; a small Coverlink design. */
        SettlementPartiallyAcceptedData: {
            /** @description Settlement batch id. */
            settlement_id: string;
            /** @description The sponsor. */
            sponsor_slug?: string;
            /** @description ISO 4217 currency. */
            currency_code?: string;
            /** @description Amount accepted for payment. */
            accepted_amount: number;
            /** @description Amount rejected. */
            rejected_amount: number;
            /** @description Why part of the batch was rejected. */
            rejection_reason?: string;
        };
    };
    responses: {
        /** @description The request cannot be read - a malformed body, or a path or query parameter of the wrong type or outside its enum. D-error-handling documents 400 as "do not retry" (fix the request); no OSIGU page shows its body (`BadRequestErrorBody`). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BadRequestErrorBody"];
            };
        };
        /** @description Missing, malformed or expired bearer token, or a token from the other environment (O-qs troubleshooting). Fetch a new token and retry once. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["UnauthorizedErrorBody"];
            };
        };
        /** @description The provider is not affiliated with that sponsor (O-qs troubleshooting), or the client lacks the scope. Confirm with OSIGU support; do not retry. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ForbiddenErrorBody"];
            };
        };
        /** @description The addressed resource does not exist (or is not visible to this provider). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["NotFoundErrorBody"];
            };
        };
        /**
         * @description Validation error (O-pp, O-qs troubleshooting). `071-104` "Product not registered" is
         *     the documented code (register the product with `registerProviderProduct`); a request
         *     missing fields the sponsor requires also fails here - check `getSponsorConfiguration`.
         *     Other codes in examples are illustrative.
         */
        ValidationError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationErrorBody"];
            };
        };
        /** @description The file exceeds the sponsor's maximum size (see `getAuthorizationDocumentPolicy`). No source documents this status; a careful provider rejects oversized uploads with 413. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PayloadTooLargeErrorBody"];
            };
        };
        /** @description Rate limit exceeded. Only the token endpoint's limit is documented (10/min per client_id, O-tok); API-wide limits are a Coverlink assumption. Wait `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RateLimitErrorBody"];
            };
        };
        /** @description Unexpected OSIGU error. No source shows 5xx bodies; Coverlink assumes the same Error envelope. Retry with backoff (D-error-handling). */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ServerErrorBody"];
            };
        };
        /** @description OSIGU or the sponsor's system is temporarily unavailable. No source shows 5xx bodies; Coverlink assumes the same Error envelope. Retry with backoff. */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ServerErrorBody"];
            };
        };
        /** @description Any 2xx within 10 s acknowledges the event (O-wh). Anything else, or a timeout, is retried with exponential backoff for 72 h; delivery is at-least-once, so dedupe on `event_id`. */
        WebhookAcknowledged: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The receiver rejects the event because `X-Osigu-Signature` does not match or its timestamp is more than 300 s away from now (O-wh). */
        WebhookSignatureRejected: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
    };
    parameters: {
        /**
         * @description The sponsor's slug, e.g. `sponsor-sandbox` (O-qs).
         * @example sponsor-sandbox
         */
        SponsorSlug: string;
        /**
         * @description The authorization request id returned by `createAuthorizationRequest` (`areq_…`, O-qs).
         * @example areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X
         */
        AuthorizationRequestId: string;
        /**
         * @description The dispensation id returned by `startDispensation` (O-disp).
         * @example disp_01HXB4N6C8D0E2F4G6H8J0K2M4
         */
        DispensationId: string;
        /**
         * @description The claim id returned by `createOutpatientCareClaim` (O-claim).
         * @example clm_01HXC6Q8E0F2G4H6J8K0M2N4P6
         */
        ClaimId: string;
        /**
         * @description A catalogue product code (O-pp).
         * @example MED-042
         */
        ProductCode: string;
        /**
         * @description The webhook subscription id returned by `createWebhookSubscription`.
         * @example whs_01HXD7R9F1G3H5J7K9M1N3P5Q7
         */
        SubscriptionId: string;
        /**
         * @description The product type the configuration applies to (O-iss shows `?product_type=MEDICATION`). The docs always send it; that it is required is a Coverlink reading.
         * @example MEDICATION
         */
        ProductTypeRequired: components["schemas"]["ProductType"];
        /**
         * @description Only products of this type (O-pp).
         * @example MEDICATION
         */
        ProductTypeFilter: components["schemas"]["ProductType"];
        /**
         * @description Free-text filter on codes and names (O-pp).
         * @example acetaminophen
         */
        Query: string;
        /**
         * @description Free-text search (O-rx, O-pp show `?query=`).
         * @example acetaminophen
         */
        QueryRequired: string;
        /** @description Zero-based page number (D-pagination). D-pagination is the older payer docs (developers.osigu.com); that the ARC, ePrescription, catalogue and webhook lists page the same way is a Coverlink assumption (DVS pages from 1 with `limit` instead). */
        Page: number;
        /** @description Page size (D-pagination; default 15). Assumed for the ARC, ePrescription, catalogue and webhook lists, as `page` is. */
        Size: number;
        /**
         * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
         *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
         *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
         *     several `v1=` values appear; accept the event if any matches. Reject when
         *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
         * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
         */
        OsiguSignature: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Seconds to wait before retrying. No OSIGU source shows this header (DVS puts `additional_information.retry_after_seconds` in the body); Coverlink assumes the standard HTTP header.
         * @example 42
         */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getAccessToken: {
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
            /** @description Token issued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Malformed token request (e.g. missing or unsupported `grant_type`). No source shows token errors; Coverlink assumes the RFC 6749 section 5.2 error shape. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Wrong `client_id`/`client_secret`, or the wrong environment's OAuth URL (O-qs troubleshooting). The status is documented; the body is not (`OAuthError` carries the assumption marker). */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description More than 10 token requests per minute for this client_id (O-tok). The limit is documented, the body is not (`RateLimitErrorBody` marks what is assumed). */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitErrorBody"];
                };
            };
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listSponsorForms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The sponsor's slug, e.g. `sponsor-sandbox` (O-qs).
                 * @example sponsor-sandbox
                 */
                sponsor_slug: components["parameters"]["SponsorSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fields the sponsor's beneficiary search needs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorSearchForm"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    searchBeneficiary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The sponsor's slug, e.g. `sponsor-sandbox` (O-qs).
                 * @example sponsor-sandbox
                 */
                sponsor_slug: components["parameters"]["SponsorSlug"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BeneficiarySearchRequest"];
            };
        };
        responses: {
            /** @description The beneficiary and their coverage. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Beneficiary"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Beneficiary not found in the sponsor's directory, or coverage inactive (O-qs troubleshooting). The status is documented; the body is not (`NotFoundErrorBody`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundErrorBody"];
                };
            };
            /** @description A field the sponsor's search form requires is missing or malformed. No source documents this; a careful provider validates the form before searching. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSponsorConfiguration: {
        parameters: {
            query: {
                /**
                 * @description The product type the configuration applies to (O-iss shows `?product_type=MEDICATION`). The docs always send it; that it is required is a Coverlink reading.
                 * @example MEDICATION
                 */
                product_type: components["parameters"]["ProductTypeRequired"];
            };
            header?: never;
            path: {
                /**
                 * @description The sponsor's slug, e.g. `sponsor-sandbox` (O-qs).
                 * @example sponsor-sandbox
                 */
                sponsor_slug: components["parameters"]["SponsorSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sponsor's configuration for the product type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SponsorConfiguration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuthorizationDocumentPolicy: {
        parameters: {
            query: {
                /**
                 * @description The product type the configuration applies to (O-iss shows `?product_type=MEDICATION`). The docs always send it; that it is required is a Coverlink reading.
                 * @example MEDICATION
                 */
                product_type: components["parameters"]["ProductTypeRequired"];
            };
            header?: never;
            path: {
                /**
                 * @description The sponsor's slug, e.g. `sponsor-sandbox` (O-qs).
                 * @example sponsor-sandbox
                 */
                sponsor_slug: components["parameters"]["SponsorSlug"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sponsor's document policy for the product type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentPolicy"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createAuthorizationRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAuthorizationRequest"];
            };
        };
        responses: {
            /** @description Request accepted; it now waits for the indication or the sponsor. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationRequestAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAuthorizationRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The authorization request id returned by `createAuthorizationRequest` (`areq_…`, O-qs).
                 * @example areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X
                 */
                authorization_request_id: components["parameters"]["AuthorizationRequestId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The authorization request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationRequest"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    uploadAuthorizationIndication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The authorization request id returned by `createAuthorizationRequest` (`areq_…`, O-qs).
                 * @example areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X
                 */
                authorization_request_id: components["parameters"]["AuthorizationRequestId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["IndicationUpload"];
            };
        };
        responses: {
            /** @description The file is attached to the request. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    attachAuthorizationIndicationBase64: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The authorization request id returned by `createAuthorizationRequest` (`areq_…`, O-qs).
                 * @example areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X
                 */
                authorization_request_id: components["parameters"]["AuthorizationRequestId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IndicationBase64Upload"];
            };
        };
        responses: {
            /** @description The file is attached to the request. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    completeAuthorizationRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The authorization request id returned by `createAuthorizationRequest` (`areq_…`, O-qs).
                 * @example areq_01HX9KP7VQ2D4FZ8N0YPRQAW6X
                 */
                authorization_request_id: components["parameters"]["AuthorizationRequestId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Synchronous sponsor - the sponsor's outcome, one authorization per product-type group (O-qs). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationRequestCompleted"];
                };
            };
            /** @description Asynchronous sponsor - accepted; the outcome arrives by webhook. The docs only say async sponsors notify by webhook; the 200/202 split and this body are a Coverlink design. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorizationRequestPending"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    startDispensation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartDispensationRequest"];
            };
        };
        responses: {
            /** @description Dispensation started. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dispensation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    completeDispensation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The dispensation id returned by `startDispensation` (O-disp).
                 * @example disp_01HXB4N6C8D0E2F4G6H8J0K2M4
                 */
                dispensation_id: components["parameters"]["DispensationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteDispensationRequest"];
            };
        };
        responses: {
            /** @description Dispensation completed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DispensationCompleted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    sendOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendOtpRequest"];
            };
        };
        responses: {
            /** @description OTP sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OtpSent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    validateOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ValidateOtpRequest"];
            };
        };
        responses: {
            /** @description OTP valid. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OtpValidated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            /** @description Wrong or expired code. No source documents OTP errors; Coverlink assumes a 422 with the Error envelope. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorBody"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createOutpatientCareClaim: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOutpatientCareClaimRequest"];
            };
        };
        responses: {
            /** @description Claim opened. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutpatientCareClaimCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOutpatientCareClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The claim id returned by `createOutpatientCareClaim` (O-claim).
                 * @example clm_01HXC6Q8E0F2G4H6J8K0M2N4P6
                 */
                claim_id: components["parameters"]["ClaimId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The claim. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutpatientCareClaim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    completeOutpatientCareClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The claim id returned by `createOutpatientCareClaim` (O-claim).
                 * @example clm_01HXC6Q8E0F2G4H6J8K0M2N4P6
                 */
                claim_id: components["parameters"]["ClaimId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Claim submitted; its status moves on from OPEN. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutpatientCareClaim"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listProviderProducts: {
        parameters: {
            query?: {
                /**
                 * @description Only products of this type (O-pp).
                 * @example MEDICATION
                 */
                product_type?: components["parameters"]["ProductTypeFilter"];
                /**
                 * @description Free-text filter on codes and names (O-pp).
                 * @example acetaminophen
                 */
                query?: components["parameters"]["Query"];
                /** @description Zero-based page number (D-pagination). D-pagination is the older payer docs (developers.osigu.com); that the ARC, ePrescription, catalogue and webhook lists page the same way is a Coverlink assumption (DVS pages from 1 with `limit` instead). */
                page?: components["parameters"]["Page"];
                /** @description Page size (D-pagination; default 15). Assumed for the ARC, ePrescription, catalogue and webhook lists, as `page` is. */
                size?: components["parameters"]["Size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of registered products. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderProductPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    registerProviderProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterProviderProductRequest"];
            };
        };
        responses: {
            /** @description Product registered (O-pp). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderProductRegistration"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteProviderProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description A catalogue product code (O-pp).
                 * @example MED-042
                 */
                product_code: components["parameters"]["ProductCode"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Product unregistered. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /**
                 * @description Only products of this type (O-pp).
                 * @example MEDICATION
                 */
                product_type?: components["parameters"]["ProductTypeFilter"];
                /**
                 * @description Free-text filter on codes and names (O-pp).
                 * @example acetaminophen
                 */
                query?: components["parameters"]["Query"];
                /** @description Zero-based page number (D-pagination). D-pagination is the older payer docs (developers.osigu.com); that the ARC, ePrescription, catalogue and webhook lists page the same way is a Coverlink assumption (DVS pages from 1 with `limit` instead). */
                page?: components["parameters"]["Page"];
                /** @description Page size (D-pagination; default 15). Assumed for the ARC, ePrescription, catalogue and webhook lists, as `page` is. */
                size?: components["parameters"]["Size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of catalogue products. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    searchMedications: {
        parameters: {
            query: {
                /**
                 * @description Free-text search (O-rx, O-pp show `?query=`).
                 * @example acetaminophen
                 */
                query: components["parameters"]["QueryRequired"];
                /** @description Zero-based page number (D-pagination). D-pagination is the older payer docs (developers.osigu.com); that the ARC, ePrescription, catalogue and webhook lists page the same way is a Coverlink assumption (DVS pages from 1 with `limit` instead). */
                page?: components["parameters"]["Page"];
                /** @description Page size (D-pagination; default 15). Assumed for the ARC, ePrescription, catalogue and webhook lists, as `page` is. */
                size?: components["parameters"]["Size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of matching medications. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MedicationPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    searchDiagnoses: {
        parameters: {
            query: {
                /**
                 * @description Free-text search (O-rx, O-pp show `?query=`).
                 * @example acetaminophen
                 */
                query: components["parameters"]["QueryRequired"];
                /** @description Zero-based page number (D-pagination). D-pagination is the older payer docs (developers.osigu.com); that the ARC, ePrescription, catalogue and webhook lists page the same way is a Coverlink assumption (DVS pages from 1 with `limit` instead). */
                page?: components["parameters"]["Page"];
                /** @description Page size (D-pagination; default 15). Assumed for the ARC, ePrescription, catalogue and webhook lists, as `page` is. */
                size?: components["parameters"]["Size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of matching diagnoses. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiagnosisPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPatients: {
        parameters: {
            query?: {
                /**
                 * @description Free-text filter on codes and names (O-pp).
                 * @example acetaminophen
                 */
                query?: components["parameters"]["Query"];
                /** @description Zero-based page number (D-pagination). D-pagination is the older payer docs (developers.osigu.com); that the ARC, ePrescription, catalogue and webhook lists page the same way is a Coverlink assumption (DVS pages from 1 with `limit` instead). */
                page?: components["parameters"]["Page"];
                /** @description Page size (D-pagination; default 15). Assumed for the ARC, ePrescription, catalogue and webhook lists, as `page` is. */
                size?: components["parameters"]["Size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of patients. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPatient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePatientRequest"];
            };
        };
        responses: {
            /** @description Patient created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPrescription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePrescriptionRequest"];
            };
        };
        responses: {
            /** @description Prescription issued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Prescription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWebhookSubscriptions: {
        parameters: {
            query?: {
                /** @description Zero-based page number (D-pagination). D-pagination is the older payer docs (developers.osigu.com); that the ARC, ePrescription, catalogue and webhook lists page the same way is a Coverlink assumption (DVS pages from 1 with `limit` instead). */
                page?: components["parameters"]["Page"];
                /** @description Page size (D-pagination; default 15). Assumed for the ARC, ePrescription, catalogue and webhook lists, as `page` is. */
                size?: components["parameters"]["Size"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of subscriptions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createWebhookSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookSubscriptionRequest"];
            };
        };
        responses: {
            /** @description Subscription created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteWebhookSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook subscription id returned by `createWebhookSubscription`.
                 * @example whs_01HXD7R9F1G3H5J7K9M1N3P5Q7
                 */
                subscription_id: components["parameters"]["SubscriptionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Subscription deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationError"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    onAuthorizationCreated: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizationCreatedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onAuthorizationRejected: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizationRejectedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onAuthorizationUpdated: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizationUpdatedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onAuthorizationVoided: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorizationVoidedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onDispensingStarted: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispensingStartedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onDispensingCompleted: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispensingCompletedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onDispensingCancelled: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispensingCancelledEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onPrescriptionIssued: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrescriptionIssuedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onPrescriptionEmailDelivered: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrescriptionEmailDeliveredEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onPrescriptionEmailFailed: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PrescriptionEmailFailedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onSettlementPaid: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettlementPaidEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onSettlementRejected: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettlementRejectedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
    onSettlementPartiallyAccepted: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description `t=<unix seconds>,v1=<hex>` (O-wh). `v1` is the hex HMAC-SHA256, keyed with the
                 *     subscription's signing secret (issued by emailing webhooks@osigu.com), over the string
                 *     `"{t}.{raw_body}"` - the raw request bytes, before any JSON parsing. During key rotation
                 *     several `v1=` values appear; accept the event if any matches. Reject when
                 *     `|now - t| > 300` seconds, and answer 401 on a mismatch.
                 * @example t=1782396342,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd
                 */
                "X-Osigu-Signature": components["parameters"]["OsiguSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettlementPartiallyAcceptedEvent"];
            };
        };
        responses: {
            401: components["responses"]["WebhookSignatureRejected"];
            "2XX": components["responses"]["WebhookAcknowledged"];
        };
    };
}
