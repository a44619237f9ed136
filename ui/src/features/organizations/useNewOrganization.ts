// The form that names a new organization, wherever one is created (the Organizations screen, an
// upload's target): SWR's rules for the name are the backend's, checked as the user types;
// whether it exists already only SWR knows, and says when asked to create it.

import { useTranslation } from "react-i18next";

import { fromViolation, ownProblem } from "../../components/form/problem";
import { showRefusal, useRuleForm } from "../../components/form/useRuleForm";
import { useRuleChecks } from "../rules/queries";
import { useCreateOrganization } from "./queries";

interface NewOrganization {
  name: string;
}

const NO_NAME: NewOrganization = { name: "" };

/** The field of the form under the name the backend gives it in a rule violation. */
const FIELDS = { namespace: "name" } as const;

/** The form, the request, and the handler that sends it; `onCreated` hears the name created. */
export function useNewOrganization(profileId: string | null, onCreated?: (name: string) => void) {
  const { i18n } = useTranslation();
  const create = useCreateOrganization(profileId);
  const rules = useRuleChecks();
  const form = useRuleForm<NewOrganization>({
    defaultValues: NO_NAME,
    check: async ({ name }) => {
      const wanted = name.trim();
      if (wanted === "") return { name: ownProblem(i18n, "required", (say) => say("organizations.nameMissing")) };
      const rule = await rules.value("organization", wanted);
      return { name: rule && fromViolation(rule) };
    },
  });
  const onSubmit = form.handleSubmit(({ name }) => {
    const wanted = name.trim();
    create.mutate(wanted, {
      onSuccess: () => {
        form.reset(NO_NAME);
        onCreated?.(wanted);
      },
      onError: (failure) => {
        if (showRefusal(form, failure, FIELDS)) create.reset();
      },
    });
  });
  return { form, create, onSubmit };
}
