// English copy of the Uploads screen (the queue, the target form, validation reports and
// push progress), merged into `en` so their keys are checked like all others.

const uploadsEn = {
  uploads: {
    title: "Uploads",
    description: "Image archives from docker save, podman or skopeo are checked, then pushed to SWR one after another.",
    add: "Add files",
    start: "Start queue",
    pause: "Pause queue",
    queueAll: "Queue all ready",
    clearFinished: "Clear finished",
    running: "The queue is running.",
    paused: "The queue is paused.",
    loadFailed: "The upload list could not be read.",
    actionFailed: "That could not be done.",
    empty: {
      title: "No image archives yet",
      drop: "Drop .tar or .tar.gz archives made by docker save, podman save or skopeo anywhere on this window,",
      add: "choose Add files,",
      commandLine: "or open them from a terminal: swr-console app.tar",
    },
    drop: {
      title: "Drop image archives to upload them",
      hint: "Each file is checked first; nothing is pushed until you queue it.",
    },
    ignored: "Some files were not added:",
    ignoredReason: {
      folder: "a folder: add the image archives inside it",
      missing: "not found: it was moved or deleted",
      unreadable: "cannot be read: check its permissions",
      notAdded: "the upload list could not take these files",
    },
    dismiss: "Dismiss",
    resumed_one: "Resumed {{count}} upload interrupted when the app closed.",
    resumed_other: "Resumed {{count}} uploads interrupted when the app closed.",
    resumedBadge: "Resumed",
    state: {
      waitingCheck: "Waiting to be checked",
      checking: "Checking",
      invalid: "Not a valid archive",
      needsTarget: "Needs a target",
      ready: "Ready",
      queued: "Queued",
      running: "Uploading",
      done: "Pushed",
      failed: "Failed",
      cancelled: "Cancelled",
    },
    validation: {
      pending: "Waiting for another file's check to finish…",
      running: "Checking the archive: {{done}} of {{total}}",
      progressLabel: "File check",
      findings: "This file cannot be uploaded:",
      advice: "What to do: {{advice}}",
      details: "Details: {{message}}",
    },
    report: {
      summary_one: "{{count}} image · {{format}} · {{size}}",
      summary_other: "{{count}} images · {{format}} · {{size}}",
      warnings_one: "{{count}} warning",
      warnings_other: "{{count}} warnings",
      untagged: "Untagged image",
      platform: "Platform",
      size: "Size",
      sizeValue: "{{stored}} stored · {{uncompressed}} uncompressed",
      layers: "Layers",
      created: "Created",
      efficiency: "Efficiency",
      efficiencyValue: "{{score}} · {{wasted}} wasted by files later layers replace",
      hints: "Suggestions",
      warningsTitle: "Warnings",
      unknownFormat: "unknown format",
    },
    // Titles and advice of the archive checks, by the stable ids of crates/swr-archive (the rule
    // `tar.truncated` is `checks.tar.truncated`); the backend's message stays as the detail.
    checks: {
      validation: {
        cancelled: { title: "Check stopped", advice: "The check stopped before the end; run it again for a verdict." },
      },
      file: {
        unreadable: { title: "The file cannot be read", advice: "Check the path and the file's permissions." },
        empty: { title: "The file is empty", advice: "Export the image again with docker save -o FILE IMAGE." },
      },
      compression: {
        corrupt: {
          title: "Compressed data is damaged",
          advice: "The compressed stream is damaged or cut short; copy or export the archive again.",
        },
        unsupported: {
          title: "Unsupported compression",
          advice: "Use an uncompressed tar, gzip or zstd (with a window of at most 16 MiB).",
        },
      },
      tar: {
        corrupt: { title: "Not a readable tar file", advice: "The file is not a tar file or it is damaged; export the image again." },
        truncated: {
          title: "The archive ends early",
          advice: "Probably an interrupted copy or download; copy the file again.",
        },
        absolute_path: {
          title: "Entry with an absolute path",
          advice: "Image archives use relative names only; re-create the archive with docker save or skopeo copy.",
        },
        parent_traversal: {
          title: "Entry leaves the archive",
          advice: "Entries must not climb out of the archive with ..; do not use this archive.",
        },
        duplicate_entry: {
          title: "Entry appears twice",
          advice: "Each name may appear once; re-create the archive instead of appending to it.",
        },
        non_utf8_path: { title: "Entry name is not UTF-8", advice: "Entry names must be UTF-8; re-create the archive." },
        unsupported_entry: {
          title: "Unsupported entry type",
          advice: "Only files, directories and symlinks may appear at the top level of an image archive.",
        },
        symlink_escape: {
          title: "Symlink points outside the archive",
          advice: "Symlinks must point inside the archive; do not use this archive.",
        },
        symlink_dangling: {
          title: "Symlink target is missing",
          advice: "A symlink points at an entry that is not in the archive; export the image again.",
        },
        too_many_entries: {
          title: "Too many entries",
          advice: "No image archive needs this many top-level entries; check that the file is an image archive.",
        },
      },
      json: {
        too_large: {
          title: "JSON document too large",
          advice: "JSON documents of image archives are small; this one is over the size limit, so the archive is not trusted.",
        },
        invalid: {
          title: "Invalid JSON document",
          advice: "The JSON document does not parse or has the wrong shape; export the image again.",
        },
      },
      format: {
        unknown: {
          title: "Not an image archive",
          advice:
            "Neither manifest.json nor oci-layout/index.json was found; save the image with docker save or skopeo copy (docker-archive: or oci-archive:).",
        },
      },
      manifest: {
        empty: { title: "No image in the archive", advice: "The archive lists no image; save at least one image into it." },
        missing_entry: {
          title: "File missing from the archive",
          advice: "A file named by the manifest is absent; export the image again.",
        },
      },
      config: {
        digest_mismatch: {
          title: "Image config does not match its digest",
          advice: "The image config does not hash to its name; the archive was modified or damaged.",
        },
        invalid: { title: "Invalid image config", advice: "The image config is not a valid image configuration; export the image again." },
        rootfs_type: {
          title: "Wrong rootfs type",
          advice: "rootfs.type must be \"layers\"; export the image again with a current tool.",
        },
        layer_count_mismatch: {
          title: "Layer counts of config and manifest differ",
          advice: "The config lists a different number of layers (diff_ids) than the manifest; export the image again.",
        },
      },
      layer: {
        diff_id_mismatch: {
          title: "Layer does not match its diff_id",
          advice: "The layer's uncompressed content does not hash to its diff_id; the layer was modified or damaged.",
        },
        not_tar: {
          title: "Layer is not a tar stream",
          advice: "Layers must be tar streams (optionally gzip or zstd compressed); export the image again.",
        },
        too_large: {
          title: "Layer over 10 GB",
          advice: "SWR refuses layers above 10 GB; spread the content over several layers or slim the image.",
        },
        count_high: {
          title: "Many layers",
          advice: "More than 20 layers push slowly to SWR; merge RUN steps or use a multi-stage build.",
        },
        files_capped: {
          title: "File analysis capped",
          advice: "The efficiency analysis stopped tracking files at its limit; its figures are lower bounds.",
        },
      },
      blob: {
        digest_mismatch: {
          title: "Blob does not match its digest",
          advice: "A blob does not hash to its name; the archive was modified or damaged.",
        },
        unsupported_algorithm: {
          title: "Unsupported digest algorithm",
          advice: "SWR supports sha256 blobs only; re-create the image with sha256 digests.",
        },
      },
      index: {
        descriptor_mismatch: {
          title: "Descriptor does not match its blob",
          advice: "A descriptor's size or digest disagrees with its blob; export the image again.",
        },
        platform_missing: {
          title: "Platform missing from the archive",
          advice: "The index names a platform whose blobs are not in the archive; only the platforms present will be pushed.",
        },
        invalid: { title: "Invalid OCI index or manifest", advice: "The OCI index or image manifest is malformed; export the image again." },
      },
      reference: {
        invalid: {
          title: "Invalid image reference",
          advice: "Tag the image as name:tag (for example myorg/app:1.0) before saving it.",
        },
        untagged: {
          title: "Image without a tag",
          advice: "Tag the image before saving it, or choose a target name when pushing.",
        },
      },
      swr: {
        organization: {
          title: "Organization name not accepted by SWR",
          advice: "Rename the organization to meet SWR's rules, or choose another target organization when pushing.",
        },
        repository: { title: "Image name not accepted by SWR", advice: "Rename the image to meet SWR's naming rules before pushing." },
        tag: { title: "Tag not accepted by SWR", advice: "Retag the image to meet SWR's tag rules before pushing." },
      },
      hint: {
        runs_as_root: { title: "Runs as root", advice: "Add a non-root USER to the Dockerfile." },
        no_healthcheck: {
          title: "No HEALTHCHECK",
          advice: "Add a HEALTHCHECK so the platform can tell a running container from a working one.",
        },
        latest_tag: {
          title: "Tagged latest",
          advice: "Push an explicit version tag; latest moves and makes deployments unrepeatable.",
        },
        package_cache: {
          title: "Package manager cache left in the image",
          advice: "Remove package manager caches in the same RUN that creates them (e.g. && rm -rf /var/lib/apt/lists/*).",
        },
        secret_files: {
          title: "Files that look like secrets",
          advice:
            "Keep keys and credentials out of images (use build secrets or runtime configuration); deleting them in a later layer does not remove them.",
        },
        many_tiny_layers: {
          title: "Many tiny layers",
          advice: "Chain related commands into one RUN to produce fewer, larger layers.",
        },
      },
    },
    target: {
      title: "Where it goes",
      profile: "Profile",
      chooseProfile: "Choose a profile",
      noProfiles: "Add a profile first on the Profiles screen.",
      organization: "Organization",
      chooseOrganization: "Choose an organization",
      loadingOrganizations: "Loading organizations…",
      organizationsFailed: "The organizations could not be listed.",
      readOnly: "{{name}} (read-only)",
      readOnlyHint: "Organizations you can only read are listed but cannot be chosen.",
      create: "Create organization",
      createName: "New organization name",
      createSubmit: "Create",
      createCancel: "Cancel",
      createRules: "Lower-case letters, digits, '.', '_' and '-', starting with a letter; at most 64 characters.",
      createFailed: "The organization could not be created.",
      image: "Image {{n}}",
      from: "In the archive:",
      fromUntagged: "Untagged in the archive",
      name: "Image name",
      tags: "Tags",
      tagsHint: "Every tag is pushed; separate them with commas.",
      compress: "Compress layers",
      compressHint: "Uncompressed layers are compressed with gzip before they are sent; turn off to keep them as they are.",
      preview: "Will be pushed as",
      previewIncomplete: "Choose a profile and an organization to see the final name.",
    },
    notices: {
      pushed: "Pushed {{reference}}",
      pushedMore: "Pushed {{reference}} and {{more}} more",
      openImage: "Open image",
      failed: "{{file}} could not be pushed",
      failedUnnamed: "An upload could not be pushed",
      openUploads: "Open Uploads",
    },
    actions: {
      queue: "Queue",
      cancel: "Cancel",
      retry: "Retry",
      remove: "Remove",
      moveUp: "Move up",
      moveDown: "Move down",
      copy: "Copy",
      copied: "Copied",
      copyPull: "Copy pull command",
    },
    queueBlocked: {
      validating: "It can be queued when its check is done.",
      invalid: "An invalid archive cannot be queued.",
      problems: "Fix the fields marked above to queue it.",
    },
    queued: "Waiting in the queue.",
    queuedPaused: "Waiting: the queue is paused. Start it to go on.",
    cancelled: "Cancelled. Nothing was tagged in the registry.",
    push: {
      starting: "Starting…",
      progressLabel: "Upload progress",
      bytes: "{{done}} of {{total}}",
      rate: "{{rate}}/s",
      eta: "{{time}} left",
      skipped: "{{size}} already in the registry, skipped",
      layers: "Layers in flight",
      waiting: "Paused by a temporary problem: {{message}}",
      retryIn: "Trying again in {{time}}.",
      retryNow: "Trying again now…",
    },
    step: {
      validating: "Checking the archive",
      indexing: "Reading the layers",
      pushing: "Pushing",
      verifying: "Verifying what the registry stored",
    },
    done: "Pushed to SWR:",
    failed: "The upload failed",
    kindTitle: {
      invalidArchive: "Not a valid image archive",
      target: "Where it goes is missing or not valid",
      organizationMissing: "The organization does not exist",
      permissionDenied: "No permission to push into this organization",
      unauthorized: "The registry refused the login",
      quota: "A quota is used up",
      rateLimited: "The registry is limiting requests",
      network: "The registry could not be reached",
      verification: "The pushed image did not read back as sent",
      credentials: "The profile cannot be used",
      other: "Upload failed",
    },
    kind: {
      invalidArchive: "The file is not a valid image archive. Open its report for what is wrong, save the image again and add the new file.",
      target: "The organization, image name or tag is missing or not valid. Correct the fields above and retry.",
      organizationMissing: "The organization does not exist in this region. Create it with “Create organization” above, or choose another one, then retry.",
      permissionDenied: "The account may not push into this organization: it needs write or manage permission on it. Ask the organization's administrator to grant it in the SWR console, or choose another organization.",
      unauthorized: "The registry refused the login. Verify the profile's access key on the Profiles screen; it may have been deleted or rotated.",
      quota: "A quota of the account or the organization is used up. Delete unused images or tags in SWR, or ask for a larger quota, then retry.",
      rateLimited: "The registry is asking for fewer requests. The upload waits and tries again by itself.",
      network: "The registry could not be reached. The upload waits and resumes when the connection is back; layers already sent are not sent again.",
      verification: "The registry did not return the image as it was pushed. Retry; if it happens again, quote the message to support.",
      credentials: "The profile cannot be used: its secret key is missing or no profile is chosen. Check it on the Profiles screen.",
      other: "Retry; if it fails again, the message above says what went wrong.",
    },
    duration: {
      seconds: "{{s}} s",
      minutes: "{{m}} min {{s}} s",
      hours: "{{h}} h {{m}} min",
    },
  },
};

export type UploadsMessages = typeof uploadsEn;
export default uploadsEn;
