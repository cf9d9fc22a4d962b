/**
 * The one memo of the store's selectors: `compute` of some inputs, returning its last result while
 * every input is the same object or value (`Object.is`) as last time. Selectors pass the parts of
 * the state they read, so a component subscribed to one re-renders only when those change.
 */
export function lastResultOf<I extends readonly unknown[], R>(compute: (...inputs: I) => R): (...inputs: I) => R {
  let last: { inputs: I; result: R } | null = null;
  return (...inputs: I) => {
    if (last && last.inputs.length === inputs.length && last.inputs.every((x, i) => Object.is(x, inputs[i]))) return last.result;
    last = { inputs, result: compute(...inputs) };
    return last.result;
  };
}

/**
 * The same memo for a computation whose inputs vary in number (a hinterland's parameters differ by
 * kind): `remembered(inputs, compute)` runs `compute` only when `inputs` differ from last time.
 */
export function lastResultFor<R>(): (inputs: readonly unknown[], compute: () => R) => R {
  let last: { inputs: readonly unknown[]; result: R } | null = null;
  return (inputs, compute) => {
    if (last && last.inputs.length === inputs.length && last.inputs.every((x, i) => Object.is(x, inputs[i]))) return last.result;
    last = { inputs, result: compute() };
    return last.result;
  };
}
