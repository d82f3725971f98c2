import { getMetadataStorage } from 'class-validator';
import { installedRelease } from './installed-release';

/** The class-validator release whose MetadataStorage this patches; another release is left alone (and the spec says so). */
export const PATCHED_CLASS_VALIDATOR_RELEASE = '0.14.4';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Metadata = ReturnType<Lookup>;

const INSTALLED = Symbol.for('labflow.validationMetadataCache');

/**
 * Remembers class-validator's answer to "which rules apply to this class". Unremembered, every
 * validated object (each nested value of a payload too) walks every class that has rules to find its
 * ancestors (`prototype instanceof` over the whole registry): 10-16% of a busy consumer's CPU,
 * validating `device.data.received` on both sides of the topic. The rules of a class are fixed once its
 * decorators have run; any rule added later (a class defined after a first validation) clears what is
 * remembered, so the answers stay those of class-validator itself. Installed once per process by the
 * app's bootstrap (installLibraryPatches), for every user of class-validator in it (Nest's
 * ValidationPipe included). Returns whether the cache is in place.
 */
export function installValidationMetadataCache(found = installedRelease('class-validator')): boolean {
  const storage = getMetadataStorage();
  const marked = storage as Storage & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return true;
  if (found !== PATCHED_CLASS_VALIDATOR_RELEASE) return false;
  marked[INSTALLED] = true;

  let lookups = new Map<unknown, Map<string, Metadata>>();
  let groups = new WeakMap<Metadata, ReturnType<Storage['groupByPropertyName']>>();
  const forget = () => {
    lookups = new Map();
    groups = new WeakMap();
  };

  const addValidationMetadata = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    forget();
    addValidationMetadata(metadata);
  };

  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groupNames) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${(groupNames ?? []).join('\u0000')}`;
    let byOptions = lookups.get(target);
    if (!byOptions) lookups.set(target, (byOptions = new Map()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookup(target, schema, always, strictGroups, groupNames)));
    return found;
  };

  const groupByPropertyName = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let grouped = groups.get(metadata);
    if (!grouped) groups.set(metadata, (grouped = groupByPropertyName(metadata)));
    return grouped;
  };
  return true;
}
