// A form for one action's payload, derived from its JSON Schema (as the AsyncAPI document gives it): a field per
// property of an object payload (text, number, select for enums, JSON for arrays and nested objects), or a JSON
// editor for the whole payload. Violations the server reports go next to the field their path starts with.

/** Follows local `$ref`s (`#/components/schemas/X`) in the AsyncAPI document. */
export function resolve(schema, root) {
  let s = schema;
  for (let i = 0; s && s.$ref && i < 32; i++) {
    s = s.$ref.slice(2).split('/').reduce((node, key) => node?.[decodeURIComponent(key)], root);
  }
  return s ?? {};
}

/** `oneOf: [X, {type: null}]` or `type: [T, "null"]` as X or T, and whether null is allowed. */
function unwrap(schema, root) {
  let s = resolve(schema, root);
  let nullable = false;
  if (Array.isArray(s.oneOf)) {
    const others = s.oneOf.filter((o) => resolve(o, root).type !== 'null');
    if (others.length === 1 && others.length < s.oneOf.length) {
      s = resolve(others[0], root);
      nullable = true;
    }
  }
  if (Array.isArray(s.type)) {
    const types = s.type.filter((t) => t !== 'null');
    nullable ||= types.length < s.type.length;
    s = { ...s, type: types.length === 1 ? types[0] : types };
  }
  return { schema: s, nullable };
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children);
  return node;
}

function describe(schema) {
  const hints = [];
  if (schema.format) hints.push(schema.format);
  if (schema.minimum !== undefined) hints.push(`>= ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) hints.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) hints.push(`<= ${schema.maximum}`);
  if (schema.maxLength !== undefined) hints.push(`max ${schema.maxLength} chars`);
  const pattern = schema.allOf?.find((a) => a.pattern)?.pattern;
  if (pattern) hints.push(pattern);
  return hints.join(', ');
}

/** One input for one property; `read()` gives its value, or undefined when left empty. */
function input(name, propertySchema, root) {
  const { schema } = unwrap(propertySchema, root);
  const id = `f-${Math.random().toString(36).slice(2)}`;
  let control;
  let read;
  if (Array.isArray(schema.enum)) {
    control = el('select', { id, name }, el('option', { value: '' }, ''),
      ...schema.enum.map((v) => el('option', { value: String(v) }, String(v))));
    read = () => (control.value === '' ? undefined : schema.enum.find((v) => String(v) === control.value));
  } else if (schema.type === 'integer' || schema.type === 'number') {
    control = el('input', { id, name, type: 'number', step: schema.type === 'integer' ? '1' : 'any',
      placeholder: describe(schema) });
    read = () => (control.value === '' ? undefined : Number(control.value));
  } else if (schema.type === 'boolean') {
    control = el('select', { id, name }, el('option', { value: '' }, ''), el('option', { value: 'true' }, 'true'),
      el('option', { value: 'false' }, 'false'));
    read = () => (control.value === '' ? undefined : control.value === 'true');
  } else if (schema.type === 'string') {
    const type = { date: 'date', email: 'email' }[schema.format] ?? 'text';
    control = el('input', { id, name, type, placeholder: describe(schema) });
    read = () => (control.value === '' ? undefined : control.value);
  } else {
    control = el('textarea', { id, name, rows: 3, placeholder: 'JSON' });
    read = () => {
      if (control.value.trim() === '') return undefined;
      try {
        return JSON.parse(control.value);
      } catch (e) {
        throw Object.assign(new Error(`not JSON: ${e.message}`), { path: name });
      }
    };
  }
  return { id, control, read };
}

/**
 * Builds the form of `payloadSchema` into `container`. Returns { read(), showViolations(violations), clear() };
 * read() throws an Error with `path` when a field cannot be read.
 */
export function schemaForm(container, payloadSchema, root) {
  const { schema } = unwrap(payloadSchema, root);
  const fields = new Map();
  const general = el('div', { class: 'violation', 'data-path': '' });
  const jsonToggle = el('input', { type: 'checkbox', class: 'as-json' });
  const jsonEditor = el('textarea', { class: 'json-editor', rows: 6, hidden: true, spellcheck: 'false' });
  const formPart = el('div', { class: 'fields' });
  container.append(el('label', { class: 'muted' }, jsonToggle, ' edit as JSON'), formPart, jsonEditor, general);

  const properties = schema.type === 'object' ? schema.properties ?? {} : null;
  const required = new Set(schema.required ?? []);
  if (properties) {
    for (const [name, property] of Object.entries(properties)) {
      const field = input(name, property, root);
      const violation = el('div', { class: 'violation', 'data-path': name });
      const row = el('div', { class: 'field', 'data-field': name },
        el('label', { for: field.id }, name + (required.has(name) ? ' *' : '')), field.control, violation);
      formPart.append(row);
      fields.set(name, { ...field, row, violation });
    }
  } else {
    jsonToggle.checked = true;
    jsonToggle.disabled = true;
    formPart.hidden = true;
    jsonEditor.hidden = false;
  }

  const readForm = () => {
    const payload = {};
    for (const [name, field] of fields) {
      const value = field.read();
      if (value !== undefined) payload[name] = value;
    }
    return payload;
  };
  jsonToggle.addEventListener('change', () => {
    if (jsonToggle.checked) {
      try {
        jsonEditor.value = JSON.stringify(readForm(), null, 2);
      } catch {
        jsonEditor.value = '{}';
      }
    }
    formPart.hidden = jsonToggle.checked;
    jsonEditor.hidden = !jsonToggle.checked;
  });

  const clear = () => {
    general.textContent = '';
    for (const field of fields.values()) {
      field.violation.textContent = '';
      field.row.classList.remove('invalid');
    }
  };
  return {
    read() {
      if (!jsonToggle.checked) return readForm();
      if (jsonEditor.value.trim() === '') return undefined;
      try {
        return JSON.parse(jsonEditor.value);
      } catch (e) {
        throw Object.assign(new Error(`not JSON: ${e.message}`), { path: '' });
      }
    },
    /** Each violation ({path, message}) next to the field its path starts with (`items[0].sku` → items). */
    showViolations(violations) {
      clear();
      for (const v of violations) {
        const top = String(v.path ?? '').split(/[.[]/)[0];
        const field = jsonToggle.checked ? undefined : fields.get(top);
        const text = field && v.path === top ? v.message : `${v.path || 'payload'}: ${v.message}`;
        const target = field ? field.violation : general;
        target.append(el('div', {}, text));
        field?.row.classList.add('invalid');
      }
    },
    clear,
  };
}
