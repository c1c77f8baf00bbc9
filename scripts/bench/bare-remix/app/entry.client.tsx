import '../../../../app/entry.client';
