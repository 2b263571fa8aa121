/**
 * Drag-and-drop plumbing of the bundle editor: one DndContext for sections and
 * their items, so an item can be dragged into another section. Pointer and
 * keyboard sensors (Space to lift, arrows to move, Space to drop); while an
 * item is dragged only items and section drop zones are targets, while a
 * section is dragged only sections are.
 */
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDroppable,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { Icon } from '../../components/Icon.tsx';
import type { Draft } from './bundleDraft.ts';

type Kind = 'section' | 'item';
interface DragData {
  type: Kind | 'zone';
  sectionId: string;
}
const dataOf = (x: { data: { current?: unknown } } | null | undefined) => x?.data.current as DragData | undefined;

/** What is being dragged, and the section an item would land in. */
const DragState = createContext<{ dragging: Kind | undefined; overSection: string | undefined }>({ dragging: undefined, overSection: undefined });

const collide: CollisionDetection = (args) => {
  const kind = dataOf(args.active)?.type;
  const targets = args.droppableContainers.filter((c) => {
    const t = dataOf(c)?.type;
    return kind === 'section' ? t === 'section' : t === 'item' || t === 'zone';
  });
  const scoped = { ...args, droppableContainers: targets };
  if (args.pointerCoordinates) {
    const within = pointerWithin(scoped);
    const exact = within.find((hit) => dataOf(targets.find((t) => t.id === hit.id))?.type === kind);
    if (exact) return [exact];
    if (within.length) return within;
  }
  return closestCenter(scoped);
};

interface BundleDndProps {
  draft: Draft;
  onMoveSection: (from: number, to: number) => void;
  onMoveItem: (key: string, toSectionId: string, toIndex: number) => void;
  children: ReactNode;
}

export function BundleDnd({ draft, onMoveSection, onMoveItem, children }: BundleDndProps) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const [dragging, setDragging] = useState<Kind | undefined>(undefined);
  const [overSection, setOverSection] = useState<string | undefined>(undefined);
  const ids = draft.sections.map((s) => s.id);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(undefined);
    setOverSection(undefined);
    const from = dataOf(active);
    const to = dataOf(over);
    if (!over || !from || !to || active.id === over.id) return;
    if (from.type === 'section') {
      const a = ids.indexOf(String(active.id));
      const b = ids.indexOf(to.sectionId);
      if (a >= 0 && b >= 0 && a !== b) onMoveSection(a, b);
      return;
    }
    const target = draft.sections.find((s) => s.id === to.sectionId);
    if (!target) return;
    const index = to.type === 'item' ? target.items.findIndex((k) => k.key === over.id) : target.items.length;
    onMoveItem(String(active.id), target.id, index < 0 ? target.items.length : index);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collide}
      onDragStart={({ active }) => setDragging(dataOf(active)?.type === 'section' ? 'section' : 'item')}
      onDragOver={({ over }: DragOverEvent) => setOverSection(dataOf(over)?.sectionId)}
      onDragCancel={() => (setDragging(undefined), setOverSection(undefined))}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: {
          draggable: 'To move a section or a document, press Space to lift it, use the arrow keys to move it, Space again to drop it, or Escape to cancel. Documents can also be moved with their “Move to section” menu.',
        },
      }}
    >
      <DragState.Provider value={{ dragging, overSection }}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          {children}
        </SortableContext>
      </DragState.Provider>
    </DndContext>
  );
}

/** The items of one section, sortable, plus a drop zone so an empty section can receive items. */
export function ItemsZone({ sectionId, keys, children }: { sectionId: string; keys: string[]; children: ReactNode }) {
  const { dragging, overSection } = useContext(DragState);
  // Always enabled: dnd-kit measures drop targets when a drag starts, so one enabled only then would be missed.
  const { setNodeRef } = useDroppable({ id: `zone-${sectionId}`, data: { type: 'zone', sectionId } satisfies DragData });
  return (
    <div ref={setNodeRef} className={`items-zone${dragging === 'item' && overSection === sectionId ? ' is-drop-target' : ''}`}>
      <SortableContext items={keys} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </div>
  );
}

export function SortableRow({ id, kind, sectionId, className, handleLabel, children }: { id: string; kind: Kind; sectionId: string; className: string; handleLabel: string; children: ReactNode }) {
  const { dragging } = useContext(DragState);
  const other = dragging !== undefined && dragging !== kind;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    data: { type: kind, sectionId } satisfies DragData,
    disabled: { draggable: false, droppable: other },
  });
  return (
    <li ref={setNodeRef} className={`${className}${isDragging ? ' is-dragging' : ''}`} style={{ transform: CSS.Translate.toString(transform), transition }}>
      <button type="button" ref={setActivatorNodeRef} className="drag-handle" aria-label={handleLabel} {...attributes} {...listeners}>
        <Icon name="grip" />
      </button>
      {children}
    </li>
  );
}
