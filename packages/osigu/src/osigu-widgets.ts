import { OsiguError, OsiguErrorCode } from './osigu-errors.js';

/** Where OSIGU serves its embeddable widgets (O-wid). */
export const osiguWidgetOrigin = 'https://widgets.osigu.com';

/** A loader version: a major line that follows releases (`v1`, the documented default) or a pinned release (`v1.2.0`). */
export type OsiguWidgetVersion = `v${number}` | `v${number}.${number}.${number}`;

/** Options of {@link osiguWidgetLoaderUrl}. */
export interface OsiguWidgetLoaderOptions {
  /** Default `v1`. Pin a release (`v1.2.0`) so that a widget update cannot change your page unannounced. */
  version?: OsiguWidgetVersion | undefined;
}

const versionPattern = /^v[0-9]{1,4}(\.[0-9]{1,4}\.[0-9]{1,4})?$/;

/**
 * The URL of the script that defines `window.OsiguPreAuth` and `window.OsiguPrescription`, e.g.
 * `https://widgets.osigu.com/v1/loader.js`. O-wid documents this loader for the pre-authorization
 * widget; that the prescription widget comes from the same loader is a Coverlink assumption.
 *
 * @example
 * ```ts
 * const script = document.createElement('script');
 * script.src = osiguWidgetLoaderUrl({ version: 'v1.2.0' });
 * script.onload = () => window.OsiguPreAuth.mount(options);
 * document.head.append(script);
 * ```
 * @throws {OsiguError} `OSIGU_WIDGET_VERSION_INVALID` for a version other than `v<major>` or `v<major>.<minor>.<patch>`.
 */
export function osiguWidgetLoaderUrl(options: OsiguWidgetLoaderOptions = {}): string {
  const version = options.version ?? 'v1';
  // The version becomes a path segment of a script URL: only the documented shapes may, so a value
  // from configuration cannot point the page at another path of the widget host.
  if (!versionPattern.test(version)) {
    throw new OsiguError('The OSIGU widget loader version is not of the form v1 or v1.2.0.', {
      code: OsiguErrorCode.widgetVersionInvalid,
      hint: 'Pass a major line such as "v1" or a pinned release such as "v1.2.0".',
    });
  }
  return new URL(`/${version}/loader.js`, osiguWidgetOrigin).href;
}

/** The product types the pre-authorization widget handles (O-wid). */
export type OsiguWidgetProductType = 'MEDICATION' | 'LAB' | 'IMAGING' | 'PROCEDURE';
/** The widget's languages (O-wid). */
export type OsiguWidgetLocale = 'en' | 'es' | 'pt-BR';

/** An error a widget reports to `onError`. O-wid names the callback only; this shape is a Coverlink assumption. */
export interface OsiguWidgetError {
  code: string;
  message: string;
}

/** Options both widgets' `mount` take (O-wid). */
export interface OsiguWidgetMountOptions {
  /** The element to render into, or a CSS selector for it (the selector form is a Coverlink assumption). */
  container: HTMLElement | string;
  /**
   * Resolves to an OSIGU access token for the widget's calls. Fetch it from your backend (which holds
   * the client secret, e.g. with `createOsiguTokenProvider`): never put OSIGU credentials in a page.
   */
  getToken: () => Promise<string>;
  environment: 'sandbox' | 'production';
  /** The sponsor the flow runs under, e.g. `sponsor-sandbox`. */
  sponsorSlug: string;
  locale?: OsiguWidgetLocale | undefined;
  /** Colours and fonts. O-wid lists `theme` without its keys: a Coverlink assumption of string values. */
  theme?: Readonly<Record<string, string>> | undefined;
  /** Values to fill the form with, e.g. the beneficiary you already identified. Keys are not documented. */
  prefill?: Readonly<Record<string, unknown>> | undefined;
  /** Called once the widget has rendered. */
  onReady?: (() => void) | undefined;
  onError?: ((error: OsiguWidgetError) => void) | undefined;
  /** Called when the user closes the widget. */
  onClose?: (() => void) | undefined;
}

/** What the pre-authorization widget hands `onComplete`. Not documented: a Coverlink assumption mirroring completeAuthorizationRequest. */
export interface OsiguPreAuthOutcome {
  authorization_request_id: string;
  status: string;
  authorizations?: ReadonlyArray<{ authorization_code: string; status: string; [field: string]: unknown }> | undefined;
  [field: string]: unknown;
}

/** Options of `window.OsiguPreAuth.mount` (O-wid). */
export interface OsiguPreAuthMountOptions extends OsiguWidgetMountOptions {
  productType: OsiguWidgetProductType;
  /** Interception points; `beforeSubmit` is documented, returning `false` stops the submission (the return value is an assumption). */
  hooks?: { beforeSubmit?: ((draft: Readonly<Record<string, unknown>>) => boolean | Promise<boolean>) | undefined } | undefined;
  onComplete?: ((outcome: OsiguPreAuthOutcome) => void) | undefined;
}

/** What the prescription widget hands `onComplete` (O-wid's `PrescriptionOutcome`; fields beyond these are cut off there). */
export interface OsiguPrescriptionOutcome {
  prescription_id: string;
  prescription_code: string;
  version: number;
  status: 'PRESCRIPTION_ISSUED';
  [field: string]: unknown;
}

/** Options of `window.OsiguPrescription.mount`: the common options plus how the prescription reaches the patient (O-wid). */
export interface OsiguPrescriptionMountOptions extends OsiguWidgetMountOptions {
  delivery?: { channel: 'EMAIL' | 'LINK' | 'NONE' } | undefined;
  onComplete?: ((outcome: OsiguPrescriptionOutcome) => void) | undefined;
}

/** A mounted widget. O-wid documents no return value of `mount`; `unmount` is a Coverlink assumption. */
export interface OsiguWidgetHandle {
  unmount(): void;
}

/** The globals the loader defines, for `declare global { interface Window extends OsiguWidgetGlobals {} }`. */
export interface OsiguWidgetGlobals {
  OsiguPreAuth: { mount(options: OsiguPreAuthMountOptions): OsiguWidgetHandle };
  OsiguPrescription: { mount(options: OsiguPrescriptionMountOptions): OsiguWidgetHandle };
}
