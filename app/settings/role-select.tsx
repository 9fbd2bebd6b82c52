"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { ROLES, type Role } from "~/core/accounts/access";
import { Select } from "../_components/ui/field";

const isRole = (value: string): value is Role => ROLES.some((r) => r === value);

type RoleSelectProps = Omit<ComponentProps<typeof Select>, "value" | "onChange" | "children"> & {
  value: Role;
  onRoleChange: (role: Role) => void;
  /** The roles offered; all of them unless narrowed (say, to those up to one's own). */
  roles?: readonly Role[];
};

/** A select of workspace roles, named in the page's language. */
export function RoleSelect({ value, onRoleChange, roles = ROLES, ...props }: RoleSelectProps) {
  const names = useTranslations("RoleNames");
  return (
    <Select
      {...props}
      value={value}
      onChange={(e) => {
        if (isRole(e.target.value)) onRoleChange(e.target.value);
      }}
    >
      {roles.map((r) => (
        <option key={r} value={r}>
          {names(`${r}.label`)}
        </option>
      ))}
    </Select>
  );
}
