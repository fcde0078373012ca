// Sets CSS properties through the CSSOM only. lit's styleMap writes a `style` attribute on first render, which
// a strict policy (`style-src 'self'`, no 'unsafe-inline') blocks; element.style.setProperty is always allowed.
// Bind it to any attribute name you like: nothing is ever written to that attribute.
import { noChange } from 'lit';
import { Directive, directive, PartType, type AttributePart, type PartInfo } from 'lit/directive.js';

class CssProps extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE) throw new Error('cssProps() must be bound to an attribute');
  }
  render(_props: Record<string, string>) {
    return noChange;
  }
  override update(part: AttributePart, [props]: [Record<string, string>]) {
    for (const [name, value] of Object.entries(props)) part.element.style.setProperty(name, value);
    return noChange;
  }
}

export const cssProps = directive(CssProps);
