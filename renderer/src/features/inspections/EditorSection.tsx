import type { ReactNode } from 'react';
import { Paper, Stack, Typography } from '@mui/material';

/** One titled part of the inspection (a landmark screen readers can jump to). */
export function EditorSection({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  return (
    <Paper component="section" aria-label={title} sx={{ p: 2 }}>
      <Stack direction="row" alignItems="center" sx={{ mb: 1.5 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1, fontSize: 17 }}>
          {title}
        </Typography>
        {aside}
      </Stack>
      {children}
    </Paper>
  );
}
