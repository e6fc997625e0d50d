// TanStack Form (form-core 1.x; the React, Vue, Solid … bindings share it) takes a Standard Schema
// as a form validator: here a composer form whose value is a text payload. Tested by
// test/frameworks.test.ts.
import { FormApi } from '@tanstack/form-core'
import { MessageType, payloadValidatorOf } from 'wukong-payload'
import type { TextPayload } from 'wukong-payload'

export function createComposerForm(onSubmit: (payload: TextPayload) => void) {
  const form = new FormApi({
    defaultValues: { type: MessageType.Text, content: '' } as TextPayload,
    validators: { onChange: payloadValidatorOf(MessageType.Text) },
    onSubmit: ({ value }) => onSubmit(value),
  })
  form.mount()
  return form
}
