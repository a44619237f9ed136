// English copy of the attributes screens, merged into `en` so their keys are checked like all others.

const attributesEn = {
  attributes: {
    title: "Attributes",
    loadFailed: "The attributes of this image could not be read.",
    visibility: {
      legend: "Visibility",
      private: "Private",
      privateMeaning:
        "Only accounts with permission on the organization, and the accounts the image is shared with, can pull it.",
      public: "Public",
      publicMeaning:
        "Anyone can pull it without logging in, from any account or none. Public images cannot be shared with chosen accounts.",
    },
    category: {
      label: "Category",
      unknown: "A category SWR Console does not know",
    },
    description: {
      label: "Description",
      hint: "Markdown: headings, lists, emphasis, inline code, code blocks and links.",
      count: "{{used}} / {{max}} characters",
      tooLong: "The description can have at most {{max}} characters; shorten it by {{over}}.",
      preview: "Preview",
      previewEmpty: "The description is empty.",
    },
    save: "Save",
    saving: "Saving…",
    reset: "Reset",
    saved: "Saved. SWR now holds these attributes.",
    savedUnchanged: "SWR already held these values, so nothing was changed.",
    saveFailed: "The attributes could not be saved.",
    confirm: {
      publicTitle: "Make {{image}} public?",
      publicBody:
        "Anyone will be able to pull it without logging in. Public images cannot be shared with chosen accounts; make an image public only when it is meant for everyone.",
      privateTitle: "Make {{image}} private?",
      privateBody:
        "Only accounts with permission on {{organization}}, and the accounts the image is shared with, will be able to pull it. Pulls without logging in, such as anonymous build jobs, will start to fail.",
      whenSaved: "The change is made when you save.",
      makePublic: "Make public",
      makePrivate: "Make private",
      cancel: "Cancel",
    },
  },
};

export type AttributesMessages = typeof attributesEn;
export default attributesEn;
