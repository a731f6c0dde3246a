/** Every spelling of a provider's name the generated files use. */
export interface ProviderNames {
  /** Folders, package and mock names: `acmehealth`. */
  name: string;
  /** How people write it, in messages and docs: `Acme Health`. */
  displayName: string;
  /** Exported types and functions: `AcmeHealth` (`createAcmeHealthClient`). */
  className: string;
  /** Values and spec identifiers: `acmeHealth` (`acmeHealthProfile`, `acmeHealthOAuth`). */
  propertyName: string;
}

/**
 * The spellings of a provider's name.
 *
 * @throws {Error} When `name` is not lowercase letters and digits, or `displayName` does not start with
 *   a letter or spells another name.
 */
export function providerNames(name: string, displayName?: string): ProviderNames {
  if (!/^[a-z][a-z0-9]*$/.test(name)) {
    throw new Error(
      `The provider name "${name}" must be lowercase letters and digits, starting with a letter (it names folders and the package): for "Acme Health", pass acmehealth and --displayName="Acme Health".`,
    );
  }
  const display = displayName?.trim() || `${name[0]?.toUpperCase()}${name.slice(1)}`;
  const words = display.split(/[^A-Za-z0-9]+/).filter((word) => word.length > 0);
  if (words.length === 0 || !/^[A-Za-z]/.test(words[0] ?? '')) {
    throw new Error(`The display name "${display}" must start with a letter.`);
  }
  const className = words.map((word) => `${word[0]?.toUpperCase()}${word.slice(1)}`).join('');
  // The structure check finds create<Provider>Client by the folder name, ignoring case.
  if (className.toLowerCase() !== name) {
    throw new Error(
      `The display name "${display}" must spell the provider name "${name}" in its letters and digits (the exports are named after it): pass ${className.toLowerCase()} as the name, or a display name such as "${name[0]?.toUpperCase()}${name.slice(1)}".`,
    );
  }
  const propertyName = `${className[0]?.toLowerCase()}${className.slice(1)}`;
  return { name, displayName: display, className, propertyName };
}
