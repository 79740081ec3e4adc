import type {
  PartnerSetting,
  SettingDefinition,
  SettingFieldDefinition,
  SettingFormValues,
} from './settings-types';

const defaultOf = (field: SettingFieldDefinition) =>
  field.default ?? (field.type === 'boolean' ? false : undefined);

/** The form's starting values: a new setting's defaults, or the stored value with secret inputs empty. */
export function initialValue(definition: SettingDefinition, setting: PartnerSetting | null): unknown {
  if (definition.shape === 'scalar') return setting ? setting.value : defaultOf(definition.fields[0]!);
  const stored = (setting?.value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    definition.fields.map((field) => {
      const name = field.name ?? '';
      if (field.secret) return [name, undefined];
      return [name, setting ? (stored[name] ?? undefined) : defaultOf(field)];
    }),
  );
}

/**
 * The value to send. Secrets are write-only: an empty secret input is left out, so the server keeps
 * the saved one; "Remove the saved value" sends an empty string, which clears it.
 */
export function valueToSend(definition: SettingDefinition, values: SettingFormValues): unknown {
  if (definition.shape === 'scalar') {
    const value = values.value;
    return value === undefined || value === '' ? null : value;
  }
  const input = (values.value ?? {}) as Record<string, unknown>;
  const output: Record<string, unknown> = {};
  for (const field of definition.fields) {
    const name = field.name ?? '';
    const raw = input[name];
    if (field.secret) {
      if (values.clearSecrets?.[name]) output[name] = '';
      else if (typeof raw === 'string' && raw !== '') output[name] = raw;
      continue;
    }
    output[name] = raw === undefined || raw === '' ? null : raw;
  }
  return output;
}
