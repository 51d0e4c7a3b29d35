import { Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** The title row of a page, with its main actions on the right. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Stack direction="row" alignItems="center" spacing={2} sx={{ px: 3, pt: 2, pb: 1 }}>
      <Typography variant="h5" component="h1" sx={{ flexGrow: 1, fontWeight: 500 }}>
        {title}
      </Typography>
      {children}
    </Stack>
  );
}
