import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  OsiguError,
  OsiguErrorCode,
  type OsiguPreAuthMountOptions,
  type OsiguPrescriptionMountOptions,
  type OsiguWidgetVersion,
  osiguWidgetLoaderUrl,
} from './index.js';

describe('osiguWidgetLoaderUrl', () => {
  it('builds the documented loader URL, on the v1 line by default', () => {
    expect(osiguWidgetLoaderUrl()).toBe('https://widgets.osigu.com/v1/loader.js');
    expect(osiguWidgetLoaderUrl({ version: 'v2' })).toBe('https://widgets.osigu.com/v2/loader.js');
  });

  it('pins a release', () => {
    expect(osiguWidgetLoaderUrl({ version: 'v1.2.0' })).toBe('https://widgets.osigu.com/v1.2.0/loader.js');
  });

  it.each(['1.2.0', 'latest', 'v1/../../evil', 'v1.2', 'v1.2.0/x', 'v1?x=1', ' v1', 'v1#'])(
    'refuses the version %j without building a URL',
    (version) => {
      let thrown: unknown;
      try {
        osiguWidgetLoaderUrl({ version: version as OsiguWidgetVersion });
      } catch (error) {
        thrown = error;
      }
      expect(OsiguError.isInstance(thrown)).toBe(true);
      expect((thrown as OsiguError).code).toBe(OsiguErrorCode.widgetVersionInvalid);
    },
  );

  it('types the mount options of both widgets', () => {
    expectTypeOf<OsiguPreAuthMountOptions['productType']>().toEqualTypeOf<'MEDICATION' | 'LAB' | 'IMAGING' | 'PROCEDURE'>();
    expectTypeOf<NonNullable<OsiguPrescriptionMountOptions['delivery']>['channel']>().toEqualTypeOf<'EMAIL' | 'LINK' | 'NONE'>();
    const options: OsiguPrescriptionMountOptions = {
      container: '#rx',
      getToken: async () => 'token-from-your-backend',
      environment: 'sandbox',
      sponsorSlug: 'sponsor-sandbox',
      locale: 'pt-BR',
      delivery: { channel: 'EMAIL' },
      onComplete: (outcome) => expectTypeOf(outcome.status).toEqualTypeOf<'PRESCRIPTION_ISSUED'>(),
    };
    expect(options.delivery?.channel).toBe('EMAIL');
    // @ts-expect-error the pre-authorization widget needs a product type
    const missing: OsiguPreAuthMountOptions = { container: '#pa', getToken: async () => '', environment: 'sandbox', sponsorSlug: 's' };
    expect(missing.sponsorSlug).toBe('s');
  });
});
