// docker.image: an image is on the host (pulled when missing; an untagged or "latest" one pulled every
// run to stay current), or it is not.
import { DockerImage } from "../../facts/docker.js";
import { shellQuote } from "../../util/shell-quote.js";
import { change, defineOperation, noop } from "../operation.js";
import { booleanArg, rejectUnknown } from "../shared/args.js";
import { imageReference, parseImageReference } from "./docker-args.js";

interface ImageArgs {
  image: string;
  present: boolean;
  force: boolean;
}

export const image = defineOperation<ImageArgs>({
  name: "docker.image",
  description:
    'Pull a Docker image unless it is there (an untagged or "latest" one every run; force: always), or remove it (present: false).',
  validate: (args) => {
    rejectUnknown(args, ["image", "present", "force"], "docker.image");
    return {
      image: imageReference(args, "image", true),
      present: booleanArg(args, "present", true),
      force: booleanArg(args, "force", false),
    };
  },
  facts: (args) => [{ fact: DockerImage, args: { object_id: args.image } }],
  plan: (args, facts) => {
    const ref = shellQuote(args.image);
    const existing = facts.get(DockerImage, { object_id: args.image });
    if (!args.present) {
      if (!existing) return noop(`there is no image ${args.image}`);
      return change([`docker image rm -- ${ref}`], { reason: "remove" });
    }
    const pull = `docker image pull -- ${ref}`;
    if (args.force) return change([pull], { reason: "force: pull" });
    if (!existing) return change([pull], { reason: "pull" });
    const { tag, digest } = parseImageReference(args.image);
    // A tag such as "latest" moves: only pulling tells whether there is a newer image.
    if (!digest && (tag === null || tag === "latest"))
      return change([pull], {
        reason: `pull: ${tag ? "the latest tag is" : "an untagged image (latest) is"} pulled every run`,
      });
    return noop(`image ${args.image} is on the host`);
  },
});
