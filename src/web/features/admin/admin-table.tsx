import {
  Body1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadingState, QueryError } from '../../components/query-state.js';
import { useStackedTableStyles } from '../../components/stacked-table.js';

export interface AdminColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

interface AdminTableProps<Row extends { id: string }> {
  query: UseQueryResult<Row[]>;
  columns: AdminColumn<Row>[];
  /** What to say when there is nothing to list. */
  empty: string;
  headingId: string;
  testId: string;
}

/**
 * One admin list: loading, an error with a retry, an empty message, or a small table of its rows (on a phone,
 * stacked rows titled by the first column).
 */
export function AdminTable<Row extends { id: string }>({
  query,
  columns,
  empty,
  headingId,
  testId,
}: AdminTableProps<Row>) {
  const stacked = useStackedTableStyles();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <Body1>{empty}</Body1>;
  return (
    <Table aria-labelledby={headingId} data-testid={testId} size="small" className={stacked.table}>
      <TableHeader className={stacked.header}>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column.header}>{column.header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody className={stacked.body}>
        {query.data.map((row) => (
          <TableRow key={row.id} className={stacked.row}>
            {columns.map((column, index) => (
              <TableCell
                key={column.header}
                className={index === 0 ? stacked.primary : stacked.cell}
                data-label={index === 0 ? undefined : column.header}
              >
                {column.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
